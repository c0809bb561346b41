/**
 * The benchmarks' peer: a stock Spring Cloud Gateway with a Redis rate limiter and a JWT
 * resource server, configured only through documented features.
 */
@NullMarked
package dev.frontline.bench.stockgateway;

import org.jspecify.annotations.NullMarked;
