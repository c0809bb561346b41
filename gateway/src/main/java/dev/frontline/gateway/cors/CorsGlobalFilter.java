package dev.frontline.gateway.cors;

import java.util.List;

import dev.frontline.contract.RouteRule;
import dev.frontline.gateway.routing.InvocationStatusRequests;
import dev.frontline.gateway.routing.SnapshotRouteLocator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.server.ServerWebExchange;

/**
 * Adds CORS headers to the answers of a route with a CORS policy, for allowed origins
 * only, just before the answer goes out: so refusals of the gateway carry them too, and
 * what the target said about CORS never counts. Requests from other origins get their
 * answer without CORS headers, which a browser will not let a page read.
 */
final class CorsGlobalFilter implements GlobalFilter, Ordered {

	/** Before authentication, so that its refusals carry CORS headers. */
	static final int ORDER = 50;

	private static final List<String> CORS_RESPONSE_HEADERS = List.of(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
			HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
			HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
			HttpHeaders.ACCESS_CONTROL_MAX_AGE);

	private final SnapshotRouteLocator rules;

	private final RouteCorsConfigurations configurations;

	private final RouteCorsProcessor processor;

	CorsGlobalFilter(SnapshotRouteLocator rules, RouteCorsConfigurations configurations, RouteCorsProcessor processor) {
		this.rules = rules;
		this.configurations = configurations;
		this.processor = processor;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		RouteRule rule = (route != null) ? this.rules.rule(route.getId()) : null;
		@Nullable CorsConfiguration configuration = (rule != null)
				? this.configurations.of(rule, InvocationStatusRequests.matched(exchange)) : null;
		boolean carriesOrigin = exchange.getRequest().getHeaders().getOrigin() != null;
		if (configuration == null && !carriesOrigin) {
			return chain.filter(exchange);
		}
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			CORS_RESPONSE_HEADERS.forEach(response.getHeaders()::remove);
			if (configuration != null) {
				this.processor.process(configuration, exchange);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
