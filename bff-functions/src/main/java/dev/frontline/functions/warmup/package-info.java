/**
 * One-time warm-up work that functions declare, run at start-up before the runtime
 * reports itself ready, so that the first request is not a cold one.
 */
@NullMarked
package dev.frontline.functions.warmup;

import org.jspecify.annotations.NullMarked;
