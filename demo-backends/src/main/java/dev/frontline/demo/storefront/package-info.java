/**
 * The demo storefront's data: users, products and carts, derived deterministically from
 * ids so that every run and every test sees the same answers.
 */
@NullMarked
package dev.frontline.demo.storefront;

import org.jspecify.annotations.NullMarked;
