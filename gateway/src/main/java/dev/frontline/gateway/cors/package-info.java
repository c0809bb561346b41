/**
 * Cross-origin access per route: preflight answered at the gateway, CORS headers on the
 * answers to browsers of allowed origins.
 */
@NullMarked
package dev.frontline.gateway.cors;

import org.jspecify.annotations.NullMarked;
