package dev.frontline.admin.snapshot;

import java.util.Optional;

import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RateLimitPolicy;

/**
 * A change to the default rate limit, computed from the current snapshot while publishing
 * is locked. The next snapshot keeps the current snapshot's routes and API keys.
 */
@FunctionalInterface
public interface DefaultRateLimitChange {

	/**
	 * The default rate limit of the next snapshot. Throw to refuse the change; nothing is
	 * published then.
	 * @param current the current snapshot, or {@link ConfigVersions#NONE}
	 * @return the default to publish, or empty to publish a snapshot without one
	 */
	Optional<RateLimitPolicy> apply(ConfigSnapshot current);

}
