package dev.frontline.functions.storefront;

/**
 * Input of the functions that answer about the caller: nothing, because the user is the
 * one the passport names. Whatever the body holds, a {@code user} field included, is
 * ignored.
 */
public record CallerQuery() {

}
