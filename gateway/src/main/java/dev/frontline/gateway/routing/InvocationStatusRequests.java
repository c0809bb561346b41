package dev.frontline.gateway.routing;

import dev.frontline.gateway.routing.InvocationStatusRoute.StandIn;
import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * Requests for the gateway's status resource of asynchronous invocations, {@code GET} and
 * {@code DELETE /invocations/{routeId}/{id}}. Once matched, such a request is served as a
 * request on the route it names, whose id it then carries as its route's; but it always
 * goes to the stable target, so it is no request of either side of a canary.
 */
public final class InvocationStatusRequests {

	/** The exchange attribute that holds the {@link StatusRequest}. */
	static final String ATTRIBUTE = InvocationStatusRequests.class.getName() + ".request";

	private InvocationStatusRequests() {
	}

	/**
	 * Whether the request matched the status resource.
	 * @param exchange a request
	 * @return {@code true} for a request for the status of an invocation, even of a route
	 * that does not exist
	 */
	public static boolean matched(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE) != null;
	}

	/**
	 * The route whose invocation the request asks about.
	 * @param exchange a request
	 * @return the id of the route as the path names it, whether or not there is such a
	 * route; {@code null} if the request is not for the status of an invocation
	 */
	public static @Nullable String routeId(ServerWebExchange exchange) {
		StatusRequest request = exchange.getAttribute(ATTRIBUTE);
		return (request != null) ? request.routeId() : null;
	}

	/**
	 * What the path of a request for the status of an invocation names.
	 *
	 * @param routeId the route, as the path names it
	 * @param invocationId the invocation, as the path names it
	 * @param standIn what the request is served as, or {@code null} if the snapshot has
	 * no such route
	 */
	record StatusRequest(String routeId, String invocationId, @Nullable StandIn standIn) {

	}

}
