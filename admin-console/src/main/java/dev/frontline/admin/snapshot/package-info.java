/**
 * Config snapshots: the versioned store, atomic publishing, history and rollback.
 */
@NullMarked
package dev.frontline.admin.snapshot;

import org.jspecify.annotations.NullMarked;
