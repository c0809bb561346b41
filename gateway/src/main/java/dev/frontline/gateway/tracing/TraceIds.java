package dev.frontline.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace of each request: the span of the server observation that Spring WebFlux
 * starts for it, before any filter, continuing the trace of an incoming
 * {@code traceparent}. Read from the exchange rather than from the current thread, which
 * holds the trace only in the operators the context propagation reaches.
 */
public final class TraceIds {

	private TraceIds() {
	}

	/**
	 * The id of the trace of a request.
	 * @param exchange the request
	 * @return the 32 hexadecimal digits of the trace id, or {@code null} when the request
	 * is not traced (tracing is off)
	 */
	public static @Nullable String of(ServerWebExchange exchange) {
		ServerRequestObservationContext observation = ServerRequestObservationContext
			.findCurrent(exchange.getAttributes())
			.orElse(null);
		TracingContext tracing = (observation != null) ? observation.get(TracingContext.class) : null;
		Span span = (tracing != null) ? tracing.getSpan() : null;
		if (span == null) {
			return null;
		}
		String traceId = span.context().traceId();
		return traceId.isEmpty() ? null : traceId;
	}

}
