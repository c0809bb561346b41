package dev.frontline.admin.snapshot;

import java.util.List;

import dev.frontline.contract.ApiKey;
import dev.frontline.contract.ConfigSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * A change to the API keys, computed while publishing is locked and inside the publishing
 * transaction, so that whatever it stores commits with the snapshot or not at all. The
 * next snapshot keeps the current snapshot's routes and default rate limit.
 */
@FunctionalInterface
public interface ApiKeyChange {

	/**
	 * The active API keys of the next snapshot. Throw to refuse the change; nothing is
	 * published or stored then.
	 * @param current the current snapshot, or {@link ConfigVersions#NONE}
	 * @return the keys to publish, or {@code null} to publish nothing
	 */
	@Nullable List<ApiKey> apply(ConfigSnapshot current);

}
