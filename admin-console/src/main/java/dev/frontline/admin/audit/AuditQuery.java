package dev.frontline.admin.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which audit events to list: each given filter must match; newest first.
 *
 * @param actor only events of this actor; {@code null} for any
 * @param action only events of this action; {@code null} for any
 * @param target only events on this target; {@code null} for any
 * @param from only events at or after this instant; {@code null} for no lower bound
 * @param to only events before this instant; {@code null} for no upper bound
 * @param limit at most this many events
 */
record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable String target, @Nullable Instant from,
		@Nullable Instant to, int limit) {

}
