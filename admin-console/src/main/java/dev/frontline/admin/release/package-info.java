/**
 * Canary releases: a route moves from its stable target to a canary target in weighted
 * steps, each step judged on the stats gateways report, and every decision is recorded,
 * audited and published as a config snapshot.
 */
@NullMarked
package dev.frontline.admin.release;

import org.jspecify.annotations.NullMarked;
