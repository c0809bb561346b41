package dev.frontline.functions.backend;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Provides {@link BackendClients}, guarded with the circuit breakers, retries and
 * bulkheads of resilience4j's Spring Boot integration, which binds them from
 * {@code resilience4j.*} and publishes their metrics. The clients are built from Spring
 * Boot's {@code WebClient.Builder}, whose observation hands the trace on to backends.
 */
@Configuration(proxyBeanMethods = false)
class BackendClientsConfiguration {

	@Bean
	BackendClients backendClients(BackendsProperties properties, WebClient.Builder webClients,
			CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, BulkheadRegistry bulkheads,
			MeterRegistry meters) {
		return new BackendClients(properties, webClients,
				new BackendGuards(circuitBreakers, retries, bulkheads, new BackendCallMetrics(meters)));
	}

}
