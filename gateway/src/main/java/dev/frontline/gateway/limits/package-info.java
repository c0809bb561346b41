/**
 * Limits on what a request may make the gateway read: the size of its body.
 */
@NullMarked
package dev.frontline.gateway.limits;

import org.jspecify.annotations.NullMarked;
