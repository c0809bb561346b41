/**
 * Tracing: a call continues the gateway's W3C trace, hands it on to every backend, logs
 * under its trace id and answers with that id in {@code X-Trace-Id}.
 */
@NullMarked
package dev.frontline.functions.tracing;

import org.jspecify.annotations.NullMarked;
