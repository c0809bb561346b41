/**
 * Keeps the gateway's config snapshot in sync with the control plane: watch, apply,
 * persist the last good snapshot, and report status.
 */
@NullMarked
package dev.frontline.gateway.config;

import org.jspecify.annotations.NullMarked;
