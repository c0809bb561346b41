package dev.frontline.gateway.metrics;

import java.net.URI;

import dev.frontline.gateway.web.Causes;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

/**
 * Measures how long each attempt to forward a request waits on the target. The filters
 * after this one are {@link NettyRoutingFilter} alone, whose work completes once the
 * target's status and headers are in (the body is written later, by the
 * {@code NettyWriteResponseFilter} that wraps the chain), or fails when the target cannot
 * be reached or does not answer in time. So the wait covers connecting, sending the
 * request and the target's time to answer; nothing the gateway does before or after. A
 * retry runs the filters again and adds to the wait.
 */
final class UpstreamTimingGlobalFilter implements GlobalFilter, Ordered {

	/** Right before the request goes out. */
	static final int ORDER = NettyRoutingFilter.ORDER - 1;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!goesOut(exchange)) {
			return chain.filter(exchange);
		}
		UpstreamTiming.Attempt attempt = UpstreamTiming.of(exchange).start();
		return chain.filter(exchange)
			.doOnSuccess((done) -> attempt.answered(exchange.getResponse().getStatusCode()))
			.doOnError((ex) -> attempt.failed(Causes.timedOut(ex) ? Outcome.TIMEOUT : Outcome.UPSTREAM_ERROR))
			// Given up on by the route's timeout across retries: a request whose client
			// went away is never answered, so never measured.
			.doOnCancel(() -> attempt.failed(Outcome.TIMEOUT));
	}

	private static boolean goesOut(ServerWebExchange exchange) {
		if (ServerWebExchangeUtils.isAlreadyRouted(exchange)) {
			return false;
		}
		URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
		String scheme = (url != null) ? url.getScheme() : null;
		return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
