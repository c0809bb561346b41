package dev.frontline.gateway.web;

import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem answered by the gateway itself.
 *
 * @param type {@code urn:frontline:problem:<name>}
 * @param title a short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param instance the request path
 * @param requestId the id of the request
 */
record Problem(String type, String title, int status, String detail, String instance, @Nullable String requestId) {

}
