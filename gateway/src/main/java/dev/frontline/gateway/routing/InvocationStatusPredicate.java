package dev.frontline.gateway.routing;

import java.util.Map;
import java.util.function.Predicate;

import dev.frontline.gateway.routing.InvocationStatusRequests.StatusRequest;
import dev.frontline.gateway.routing.InvocationStatusRoute.StandIn;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Matches {@code GET} and {@code DELETE} on {@code /invocations/*}{@code /*}, whether or
 * not the route and the invocation exist, and keeps what the path names for the filters
 * of the status route. Requests with other methods or paths go on to the routes of the
 * rules.
 */
final class InvocationStatusPredicate implements Predicate<ServerWebExchange> {

	private static final String PREFIX = InvocationStatusRoute.PATH_PREFIX;

	private final Map<String, StandIn> standIns;

	InvocationStatusPredicate(Map<String, StandIn> standIns) {
		this.standIns = standIns;
	}

	@Override
	public boolean test(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		HttpMethod method = request.getMethod();
		if (!HttpMethod.GET.equals(method) && !HttpMethod.DELETE.equals(method)) {
			return false;
		}
		String path = request.getPath().pathWithinApplication().value();
		if (!path.startsWith(PREFIX)) {
			return false;
		}
		int slash = path.indexOf('/', PREFIX.length());
		if (slash <= PREFIX.length() || slash == path.length() - 1 || path.indexOf('/', slash + 1) >= 0) {
			return false;
		}
		String routeId = path.substring(PREFIX.length(), slash);
		String invocationId = path.substring(slash + 1);
		exchange.getAttributes()
			.put(InvocationStatusRequests.ATTRIBUTE,
					new StatusRequest(routeId, invocationId, this.standIns.get(routeId)));
		return true;
	}

	@Override
	public String toString() {
		return "InvocationStatus[GET|DELETE " + PREFIX + "{routeId}/{id}, routes=" + this.standIns.keySet() + "]";
	}

}
