/**
 * The access log: one JSON line per request the gateway answers.
 */
@NullMarked
package dev.frontline.gateway.accesslog;

import org.jspecify.annotations.NullMarked;
