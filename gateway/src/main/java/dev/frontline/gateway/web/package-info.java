/**
 * Request ids, and the problem answers of the gateway itself.
 */
@NullMarked
package dev.frontline.gateway.web;

import org.jspecify.annotations.NullMarked;
