/**
 * The demo storefront backends (profile, catalog, cart) served over HTTP, with injectable
 * latency and failures.
 */
@NullMarked
package dev.frontline.demo;

import org.jspecify.annotations.NullMarked;
