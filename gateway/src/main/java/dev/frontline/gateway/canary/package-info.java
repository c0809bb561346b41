/**
 * Canary releases in the data plane: the weighted, sticky split of a route's requests
 * between its stable and canary targets, and the counts per route and variant that the
 * gateway reports to the control plane.
 */
@NullMarked
package dev.frontline.gateway.canary;

import org.jspecify.annotations.NullMarked;
