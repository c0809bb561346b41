/**
 * Rate limiting: token buckets per route and key, in memory or shared on Redis.
 */
@NullMarked
package dev.frontline.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
