/**
 * The function runtimes the console operates on: which ones it knows, and the client that
 * calls their operator endpoints with the control-plane token.
 */
@NullMarked
package dev.frontline.admin.runtime;

import org.jspecify.annotations.NullMarked;
