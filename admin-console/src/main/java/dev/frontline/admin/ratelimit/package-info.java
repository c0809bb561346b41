/**
 * The default rate limit: the policy of every route that names none of its own.
 */
@NullMarked
package dev.frontline.admin.ratelimit;

import org.jspecify.annotations.NullMarked;
