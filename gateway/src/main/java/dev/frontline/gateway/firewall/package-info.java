/**
 * Refuses requests whose method, path or query string the gateway cannot route safely,
 * before any route is matched.
 */
@NullMarked
package dev.frontline.gateway.firewall;

import org.jspecify.annotations.NullMarked;
