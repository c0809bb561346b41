package dev.frontline.gateway.canary;

import java.util.concurrent.TimeUnit;

import dev.frontline.gateway.routing.InvocationStatusRequests;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Counts the answer to each request that matched a route, by route, variant, status and
 * latency, once its status is final: the target's, or the gateway's own when it refused
 * the request or the target failed. Those problem answers are written by the error
 * handler after the filters are done, so a failed request is counted when its answer is
 * about to go out. Requests that matched no route, those whose client went away before
 * the answer, and those for the status of asynchronous invocations, which always go to
 * the stable target and are no traffic of either side, are not counted.
 */
final class RouteStatsWebFilter implements WebFilter, Ordered {

	/**
	 * Right after the request id is set, so that the latency covers the whole request.
	 */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

	private final RouteStatsRecorder recorder;

	RouteStatsWebFilter(RouteStatsRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long start = System.nanoTime();
		return chain.filter(exchange)
			.doOnSuccess((done) -> recordWhenAnswered(exchange, start))
			.doOnError((ex) -> recordWhenAnswered(exchange, start));
	}

	private void recordWhenAnswered(ServerWebExchange exchange, long start) {
		if (exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) == null
				|| InvocationStatusRequests.matched(exchange)) {
			return;
		}
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			record(exchange, start);
		}
		else {
			response.beforeCommit(() -> Mono.fromRunnable(() -> record(exchange, start)));
		}
	}

	private void record(ServerWebExchange exchange, long start) {
		Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		this.recorder.record(route.getId(), CanarySplit.sideOf(exchange), (status != null) ? status.value() : 200,
				latency);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
