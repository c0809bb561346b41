package dev.frontline.admin.apikey;

import java.time.Instant;

import dev.frontline.contract.ApiKey;
import org.jspecify.annotations.Nullable;

/**
 * An API key as the console keeps it.
 *
 * @param entry the key as gateways know it, with the hash of the key
 * @param createdBy who issued it
 * @param revokedAt when it was revoked; {@code null} while it is active
 * @param revokedBy who revoked it; {@code null} while it is active
 */
record StoredApiKey(ApiKey entry, String createdBy, @Nullable Instant revokedAt, @Nullable String revokedBy) {

	boolean revoked() {
		return this.revokedAt != null;
	}

}
