/**
 * The demo storefront's functions: the caller's profile, recommendations and cart,
 * product lookups, the home page that gathers them, and the mobile and web views that
 * shape it per client.
 */
@NullMarked
package dev.frontline.functions.storefront;

import org.jspecify.annotations.NullMarked;
