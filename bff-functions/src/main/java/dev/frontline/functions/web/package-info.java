/**
 * How functions are served over HTTP: only published functions are reachable, a request's
 * target and body are checked before a function runs, each call is timed, partial answers
 * are marked, and {@code GET /functions} lists the functions with the types that decide
 * how they compose.
 */
@NullMarked
package dev.frontline.functions.web;

import org.jspecify.annotations.NullMarked;
