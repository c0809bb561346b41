package dev.frontline.functions.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers every request, problem answers included, with {@value #HEADER}: the id of the
 * trace it belongs to, which is the gateway's when the request carried a
 * {@code traceparent}. With it, whoever got an answer can find its log lines and spans.
 */
class TraceIdHeaderFilter implements WebFilter, Ordered {

	/**
	 * The header that names the trace.
	 */
	static final String HEADER = "X-Trace-Id";

	// Next to the filter that removes headers echoed from the request, so that this
	// header is set after it ran and a client's own X-Trace-Id cannot take it out.
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String traceId = traceId(exchange);
		if (traceId != null) {
			exchange.getResponse().beforeCommit(() -> {
				exchange.getResponse().getHeaders().set(HEADER, traceId);
				return Mono.empty();
			});
		}
		return chain.filter(exchange);
	}

	// The server observation of the request starts before any filter runs, and tracing
	// gives it its span then.
	private static @Nullable String traceId(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map((context) -> context.<TracingContext>get(TracingContext.class))
			.map(TracingContext::getSpan)
			.map(Span::context)
			.map((context) -> context.traceId())
			.orElse(null);
	}

}
