package dev.frontline.gateway.cors;

import dev.frontline.contract.RouteRule;
import dev.frontline.gateway.routing.InvocationStatusRequests;
import dev.frontline.gateway.routing.SnapshotRouteLocator;
import dev.frontline.gateway.web.Problem;
import dev.frontline.gateway.web.ProblemWriter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers CORS preflight requests at the gateway, by the CORS policy of the route that
 * would match the request the browser means to send: allowed, with the CORS headers;
 * rejected, with a 403 problem. A preflight needs no credentials and reaches no target.
 * Preflights that no route would match go on, to be answered as unmatched requests.
 */
final class PreflightWebFilter implements WebFilter, Ordered {

	/** Right after the request id is set, before anything else looks at the request. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private final RouteLocator routeLocator;

	private final SnapshotRouteLocator rules;

	private final RouteCorsConfigurations configurations;

	private final RouteCorsProcessor processor;

	private final ProblemWriter problems;

	PreflightWebFilter(RouteLocator routeLocator, SnapshotRouteLocator rules, RouteCorsConfigurations configurations,
			RouteCorsProcessor processor, ProblemWriter problems) {
		this.routeLocator = routeLocator;
		this.rules = rules;
		this.configurations = configurations;
		this.processor = processor;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!CorsUtils.isPreFlightRequest(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		HttpMethod intended = exchange.getRequest().getHeaders().getAccessControlRequestMethod();
		if (intended == null) {
			return chain.filter(exchange);
		}
		ServerWebExchange intendedRequest = exchange.mutate().request((request) -> request.method(intended)).build();
		return matchingRoute(intendedRequest).singleOptional()
			.flatMap((route) -> route.isPresent() ? answer(exchange, routeId(intendedRequest, route.get()))
					: chain.filter(exchange));
	}

	private Mono<Route> matchingRoute(ServerWebExchange exchange) {
		return this.routeLocator.getRoutes()
			.concatMap((route) -> Mono.from(route.getPredicate().apply(exchange))
				.filter(Boolean::booleanValue)
				.map((matched) -> route))
			.next();
	}

	/**
	 * The route whose policy answers: the one that matched, or the one named by a request
	 * for the status of an invocation, which is served as a request on that route.
	 */
	private static String routeId(ServerWebExchange intendedRequest, Route route) {
		String named = InvocationStatusRequests.routeId(intendedRequest);
		return (named != null) ? named : route.getId();
	}

	private Mono<Void> answer(ServerWebExchange exchange, String routeId) {
		RouteRule rule = this.rules.rule(routeId);
		@Nullable CorsConfiguration configuration = (rule != null)
				? this.configurations.of(rule, InvocationStatusRequests.matched(exchange)) : null;
		// Spring's processor lets anything pass without a configuration; a route without
		// a
		// policy allows no other origin.
		if (configuration != null && this.processor.process(configuration, exchange)) {
			exchange.getResponse().setStatusCode(HttpStatus.OK);
			return exchange.getResponse().setComplete();
		}
		return this.problems.write(exchange, Problem.of(exchange, "cors-rejected", "Cross-origin request rejected",
				HttpStatus.FORBIDDEN, RouteCorsProcessor.rejection(configuration, exchange, routeId)));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
