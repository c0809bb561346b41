package dev.frontline.gateway.tracing;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Names the trace of each request in the {@code X-Trace-Id} header of its answer, so that
 * a client can quote it when it reports a problem. Set when the answer goes out, so that
 * it survives the headers copied from the target and the gateway's problem answers, which
 * start from no headers.
 */
final class TraceIdWebFilter implements WebFilter, Ordered {

	/** The response header that names the trace. */
	static final String HEADER = "X-Trace-Id";

	/** Before anything can answer. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String traceId = TraceIds.of(exchange);
		if (traceId != null) {
			exchange.getResponse().beforeCommit(() -> {
				exchange.getResponse().getHeaders().set(HEADER, traceId);
				return Mono.empty();
			});
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
