/**
 * Errors as answers: every failure reaches the client as an RFC 9457
 * {@code application/problem+json} body with a stable {@code urn:frontline:problem:}
 * type.
 */
@NullMarked
package dev.frontline.functions.problem;

import org.jspecify.annotations.NullMarked;
