package dev.frontline.gateway.tracing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The trace id on every answer. The tracing itself is Spring Boot's: Micrometer Tracing
 * with the OpenTelemetry bridge, W3C {@code traceparent} propagation, and Spring Cloud
 * Gateway's observation of each forwarded request, which puts the trace in the
 * {@code traceparent} the target receives.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

	@Bean
	TraceIdWebFilter traceIdWebFilter() {
		return new TraceIdWebFilter();
	}

}
