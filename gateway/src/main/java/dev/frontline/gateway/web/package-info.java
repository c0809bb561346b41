/**
 * Request ids and the problem answers the gateway gives when it cannot forward a request.
 */
@NullMarked
package dev.frontline.gateway.web;

import org.jspecify.annotations.NullMarked;
