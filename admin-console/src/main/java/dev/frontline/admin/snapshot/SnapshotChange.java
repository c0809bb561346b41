package dev.frontline.admin.snapshot;

import java.util.List;

import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteRule;
import org.jspecify.annotations.Nullable;

/**
 * A change to the routes, computed from the current snapshot while publishing is locked.
 * The next snapshot keeps the current snapshot's API keys and default rate limit: a route
 * change, or a rollback to an old version's routes, neither brings back a revoked key nor
 * drops an active one, and leaves the default rate limit as it is now.
 */
@FunctionalInterface
public interface SnapshotChange {

	/**
	 * The routes of the next snapshot. Throw to refuse the change; nothing is published
	 * then.
	 * @param current the current snapshot, or {@link ConfigVersions#NONE}
	 * @return the routes to publish, or {@code null} to publish nothing
	 */
	@Nullable List<RouteRule> apply(ConfigSnapshot current);

}
