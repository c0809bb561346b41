package dev.frontline.gateway.metrics;

import java.time.Instant;
import java.util.List;

import dev.frontline.contract.Variant;
import dev.frontline.gateway.canary.CanaryAttributes;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Times every request from its arrival to the moment its answer goes out, and tells the
 * listeners. The moment is that of the commit of the response, which is also when the
 * gateway's problem answers go out: those are written by the error handler, after the
 * filters are done. So every answer is measured the same way, whoever wrote it, and the
 * time of a body streamed from the target is not counted as the gateway's.
 */
final class RequestTimingWebFilter implements WebFilter, Ordered {

	/**
	 * Right after the request id is set and before anything can answer, so that the
	 * latency covers the whole request and preflights are measured too.
	 */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	private static final Log logger = LogFactory.getLog(RequestTimingWebFilter.class);

	private final List<AnsweredRequestListener> listeners;

	RequestTimingWebFilter(List<AnsweredRequestListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long start = System.nanoTime();
		Instant receivedAt = Instant.now();
		HttpMethod method = exchange.getRequest().getMethod();
		exchange.getResponse().beforeCommit(() -> {
			answered(exchange, receivedAt, method, System.nanoTime() - start);
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private void answered(ServerWebExchange exchange, Instant receivedAt, HttpMethod method, long latency) {
		AnsweredRequest request = measure(exchange, receivedAt, method, latency);
		for (AnsweredRequestListener listener : this.listeners) {
			try {
				listener.answered(exchange, request);
			}
			catch (RuntimeException ex) {
				// Whatever a listener does wrong, the answer goes out.
				logger.warn("Listener " + listener + " failed on an answered request", ex);
			}
		}
	}

	private static AnsweredRequest measure(ServerWebExchange exchange, Instant receivedAt, HttpMethod method,
			long latency) {
		ServerHttpResponse response = exchange.getResponse();
		HttpStatusCode statusCode = response.getStatusCode();
		int status = (statusCode != null) ? statusCode.value() : 200;
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		Variant variant = (route != null) ? CanaryAttributes.servedBy(exchange) : null;
		UpstreamTiming upstream = UpstreamTiming.find(exchange);
		Outcome upstreamOutcome = (upstream != null) ? upstream.outcome() : null;
		long upstreamNanos = (upstream != null) ? Math.min(upstream.waitedNanos(), latency) : 0;
		boolean fromTarget = upstream != null && upstream.answered();
		return new AnsweredRequest(receivedAt, method, (route != null) ? route.getId() : null, variant, status,
				Outcome.of(status, fromTarget), latency, upstreamNanos, upstreamOutcome);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
