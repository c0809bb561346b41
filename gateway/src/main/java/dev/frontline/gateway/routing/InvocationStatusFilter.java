package dev.frontline.gateway.routing;

import dev.frontline.gateway.routing.InvocationStatusRequests.StatusRequest;
import dev.frontline.gateway.routing.InvocationStatusRoute.StandIn;
import dev.frontline.gateway.web.Problem;
import dev.frontline.gateway.web.ProblemWriter;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

/**
 * Makes a request for the status of an invocation a request on the route it names: the
 * route's stand-in becomes the matched route, so that the filters that enforce a route's
 * policies (CORS, authentication, rate limiting), the timeouts and the metrics all see
 * that route. A route that does not exist is answered like a path that no route matches,
 * and an id that is no UUID like an invocation that does not exist (404 each), before any
 * credentials are checked.
 */
final class InvocationStatusFilter implements GatewayFilter, Ordered {

	/**
	 * Before every filter that enforces the policies of a route: CORS (50),
	 * authentication (100), rate limiting (110).
	 */
	static final int ORDER = 10;

	private final ProblemWriter problems;

	InvocationStatusFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		StatusRequest request = exchange.getRequiredAttribute(InvocationStatusRequests.ATTRIBUTE);
		StandIn standIn = request.standIn();
		if (standIn == null) {
			exchange.getAttributes().remove(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
			return this.problems.write(exchange, Problem.of(exchange, "route-not-found", "Route not found",
					HttpStatus.NOT_FOUND, "No route '" + request.routeId() + "' has invocations"));
		}
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, standIn.route());
		if (!InvocationStatusRoute.INVOCATION_ID.matcher(request.invocationId()).matches()) {
			return this.problems.write(exchange,
					Problem.of(exchange, "invocation-not-found", "Invocation not found", HttpStatus.NOT_FOUND,
							"No invocation '" + request.invocationId() + "' on route '" + request.routeId() + "'"));
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public String toString() {
		return "InvocationStatus";
	}

}
