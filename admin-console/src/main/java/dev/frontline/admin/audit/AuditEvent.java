package dev.frontline.admin.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recorded change.
 *
 * @param id the event's id, increasing in the order events were recorded
 * @param at when the change was made
 * @param actor who made it: a user's name, or {@code system} for the console itself
 * @param action what was done, such as {@code route.update} or {@code release.promote}
 * @param target what it was done to, named with its kind, such as {@code route/home},
 * {@code release/3}, {@code api-key/k1a2b3c4d5e6}, {@code version/12},
 * {@code trigger/nightly-report}, {@code dead-letter/<invocation id>},
 * {@code runtime/http://functions:8090} or {@code default-rate-limit}
 * @param detail what changed, for people; {@code null} if the action says it all
 */
public record AuditEvent(long id, Instant at, String actor, String action, String target, @Nullable String detail) {

}
