package dev.frontline.functions.backend;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * One {@link BackendGuard} per backend, shared by every client of that backend, with the
 * circuit breaker, retry and bulkhead that resilience4j's registries hold under the
 * backend's name.
 */
class BackendGuards {

	private final CircuitBreakerRegistry circuitBreakers;

	private final RetryRegistry retries;

	private final BulkheadRegistry bulkheads;

	private final BackendCallMetrics metrics;

	private final Map<String, BackendGuard> guards = new ConcurrentHashMap<>();

	BackendGuards(CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, BulkheadRegistry bulkheads,
			BackendCallMetrics metrics) {
		this.circuitBreakers = circuitBreakers;
		this.retries = retries;
		this.bulkheads = bulkheads;
		this.metrics = metrics;
	}

	BackendGuard guard(String backend, BackendsProperties.Backend settings) {
		return this.guards.computeIfAbsent(backend,
				(name) -> new BackendGuard(name, settings, this.circuitBreakers.circuitBreaker(name),
						this.retries.retry(name), this.bulkheads.bulkhead(name), this.metrics));
	}

}
