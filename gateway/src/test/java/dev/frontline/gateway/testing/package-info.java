/**
 * Stand-ins for the services the gateway talks to (a function runtime, a control plane, a
 * token issuer's key set), and tokens to call it with.
 */
@NullMarked
package dev.frontline.gateway.testing;

import org.jspecify.annotations.NullMarked;
