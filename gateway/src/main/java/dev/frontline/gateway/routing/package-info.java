/**
 * Compiles config snapshots into gateway routes and forwards matched requests to function
 * runtimes.
 */
@NullMarked
package dev.frontline.gateway.routing;

import org.jspecify.annotations.NullMarked;
