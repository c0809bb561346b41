package dev.frontline.admin.snapshot;

import java.time.Instant;

/**
 * One entry of the config history.
 *
 * @param version the snapshot's version
 * @param createdAt when it was published
 * @param createdBy who published it
 * @param hash the hash of its content (routes and API keys)
 * @param summary what changed, such as {@code update route product} or
 * {@code rollback to 3}
 * @param routeCount how many routes it holds
 */
public record ConfigVersion(long version, Instant createdAt, String createdBy, String hash, String summary,
		int routeCount) {

}
