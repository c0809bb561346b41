/**
 * How functions are served over HTTP: only published functions are reachable, their input
 * is checked before they run, and {@code GET /functions} lists them.
 */
@NullMarked
package dev.frontline.functions.web;

import org.jspecify.annotations.NullMarked;
