package dev.frontline.gateway.routing;

import dev.frontline.gateway.routing.InvocationStatusRequests.StatusRequest;
import dev.frontline.gateway.routing.InvocationStatusRoute.StandIn;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends a request for the status of an invocation, with its method, to {@code {stable
 * uri}/async/invocations/{id}} of the route it names. The passport goes with it like with
 * any forwarded request, for the runtime to check that the caller is the one who made the
 * invocation.
 */
final class InvocationStatusForwardingFilter implements GatewayFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		StatusRequest request = exchange.getRequiredAttribute(InvocationStatusRequests.ATTRIBUTE);
		StandIn standIn = request.standIn();
		if (standIn == null) {
			// Answered by the status filter already.
			return Mono.empty();
		}
		exchange.getAttributes()
			.put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, standIn.stable().invocation(request.invocationId()));
		ServerHttpRequest forwarded = exchange.getRequest().mutate().headers((headers) -> {
			headers.remove(InvocationType.HEADER);
			headers.remove(FunctionForwardingFilter.ASYNC_POLICY_HEADER);
			headers.set(FunctionForwardingFilter.ROUTE_HEADER, request.routeId());
		}).build();
		return chain.filter(exchange.mutate().request(forwarded).build());
	}

	@Override
	public int getOrder() {
		return FunctionForwardingFilter.ORDER;
	}

	@Override
	public String toString() {
		return "InvocationStatusForwarding";
	}

}
