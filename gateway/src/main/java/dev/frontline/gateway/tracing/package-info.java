/**
 * Tracing of requests: the trace id each answer names, for clients to quote.
 */
@NullMarked
package dev.frontline.gateway.tracing;

import org.jspecify.annotations.NullMarked;
