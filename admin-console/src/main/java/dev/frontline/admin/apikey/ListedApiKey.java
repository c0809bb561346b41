package dev.frontline.admin.apikey;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An API key as the listing shows it: neither the key nor its hash.
 *
 * @param id the key's public id
 * @param client the client the key is for
 * @param scopes the scopes granted to it
 * @param createdAt when it was issued
 * @param createdBy who issued it
 * @param revokedAt when it was revoked; {@code null} while it is active
 * @param revokedBy who revoked it; {@code null} while it is active
 */
record ListedApiKey(String id, String client, List<String> scopes, Instant createdAt, String createdBy,
		@Nullable Instant revokedAt, @Nullable String revokedBy) {

	static ListedApiKey of(StoredApiKey stored) {
		return new ListedApiKey(stored.entry().id(), stored.entry().client(), stored.entry().scopes(),
				stored.entry().createdAt(), stored.createdBy(), stored.revokedAt(), stored.revokedBy());
	}

}
