/**
 * Asynchronous invocations: a call accepted with 202 is stored durably, executed in the
 * runtime under the caller of the original request, retried with backoff, and kept among
 * the dead letters when it cannot succeed, whichever runtime of the cluster executes it.
 */
@NullMarked
package dev.frontline.functions.async;

import org.jspecify.annotations.NullMarked;
