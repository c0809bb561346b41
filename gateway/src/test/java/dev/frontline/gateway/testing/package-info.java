/**
 * Stand-ins for the services the gateway talks to: a function runtime and a control
 * plane.
 */
@NullMarked
package dev.frontline.gateway.testing;

import org.jspecify.annotations.NullMarked;
