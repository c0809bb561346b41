package dev.frontline.functions.tracing;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * Names the trace of every answer. Spring Boot's tracing does the rest: it continues the
 * caller's {@code traceparent}, and the {@code WebClient.Builder} that backend clients
 * are built from hands it on.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

	/**
	 * The path under which the management server answers probes and scrapes.
	 */
	static final String ACTUATOR_PATH = "/actuator/";

	@Bean
	TraceIdHeaderFilter traceIdHeaderFilter() {
		return new TraceIdHeaderFilter();
	}

	// Probes and scrapes come every few seconds; a trace of each would bury the traces
	// of calls. No function can answer there, as function names have no slash.
	@Bean
	ObservationPredicate untracedActuatorRequests() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& request.getCarrier().getPath().pathWithinApplication().value().startsWith(ACTUATOR_PATH));
	}

}
