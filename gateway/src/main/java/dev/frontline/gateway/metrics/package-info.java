/**
 * The gateway's request metrics: the time of each answer, split into the time spent
 * waiting on the target and the gateway's own, by route, variant and outcome; and the
 * hook through which other features hear of each answered request.
 */
@NullMarked
package dev.frontline.gateway.metrics;

import org.jspecify.annotations.NullMarked;
