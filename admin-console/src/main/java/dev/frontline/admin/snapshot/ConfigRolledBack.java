package dev.frontline.admin.snapshot;

import dev.frontline.contract.ConfigSnapshot;

/**
 * An operator rolled the config back to the routes of an older version, and the rollback
 * was published and committed.
 *
 * @param snapshot the published snapshot
 * @param toVersion the version whose routes it publishes again
 * @param author who rolled back
 */
public record ConfigRolledBack(ConfigSnapshot snapshot, long toVersion, String author) {

}
