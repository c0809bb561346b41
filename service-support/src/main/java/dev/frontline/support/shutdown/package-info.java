/**
 * Shutdown without lost requests: readiness goes down and the service keeps serving while
 * load balancers take it out of rotation, then the web server shuts down gracefully.
 */
@NullMarked
package dev.frontline.support.shutdown;

import org.jspecify.annotations.NullMarked;
