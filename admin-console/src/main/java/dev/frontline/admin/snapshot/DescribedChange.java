package dev.frontline.admin.snapshot;

import java.util.List;

import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteRule;
import org.jspecify.annotations.Nullable;

/**
 * A change to the routes whose summary depends on what it finds while publishing is
 * locked, such as an automated release step that may advance, promote or roll back. Like
 * a {@link SnapshotChange} it keeps the current API keys and default rate limit, and it
 * runs inside the publishing transaction: what it stores commits with the snapshot, or,
 * when it publishes nothing, on its own.
 */
@FunctionalInterface
public interface DescribedChange {

	/**
	 * The routes of the next snapshot and what changed. Throw to refuse the change;
	 * nothing is published or stored then.
	 * @param current the current snapshot, or {@link ConfigVersions#NONE}
	 * @return the routes to publish with their summary, or {@code null} to publish
	 * nothing (what the change stored is kept)
	 */
	@Nullable Described apply(ConfigSnapshot current);

	/**
	 * The routes to publish, and the summary of the change for the history.
	 *
	 * @param routes the routes of the next snapshot
	 * @param summary what changed, such as {@code release 3 of route home: 25%}
	 */
	record Described(List<RouteRule> routes, String summary) {

	}

}
