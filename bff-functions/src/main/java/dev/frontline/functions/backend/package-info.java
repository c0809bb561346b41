/**
 * Clients for the services behind the functions: typed {@code @HttpExchange} clients on a
 * configured base URL, each call guarded by the backend's timeouts, retry, circuit
 * breaker and bulkhead, and backend failures turned into gateway errors.
 */
@NullMarked
package dev.frontline.functions.backend;

import org.jspecify.annotations.NullMarked;
