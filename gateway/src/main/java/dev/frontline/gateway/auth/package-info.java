/**
 * Authenticates callers by bearer token or API key, enforces each route's auth policy,
 * and signs the passport that tells function runtimes who called.
 */
@NullMarked
package dev.frontline.gateway.auth;

import org.jspecify.annotations.NullMarked;
