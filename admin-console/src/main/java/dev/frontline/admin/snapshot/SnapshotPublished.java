package dev.frontline.admin.snapshot;

import dev.frontline.contract.ConfigSnapshot;

/**
 * A snapshot was published by this instance, and committed.
 *
 * @param snapshot the new snapshot
 */
public record SnapshotPublished(ConfigSnapshot snapshot) {

}
