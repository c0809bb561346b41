/**
 * The Frontline gateway (data plane).
 */
@NullMarked
package dev.frontline.gateway;

import org.jspecify.annotations.NullMarked;
