package dev.frontline.gateway.routing;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.frontline.gateway.web.ProblemWriter;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpHeaders;

/**
 * The gateway's status resource of asynchronous invocations, one route per snapshot:
 * {@code GET} (status and result) and {@code DELETE} (cancel) on
 * {@code /invocations/{routeId}/{id}}, forwarded to {@code {stable
 * uri}/async/invocations/{id}} of the named route. It matches before the routes of the
 * rules, so that no rule can take its paths.
 * <p>
 * A request for the status of a route's invocation is served as a request on that route
 * (see {@link InvocationStatusFilter}): under its auth policy, rate limit, CORS policy
 * and timeout, counted under its id, but always by its stable target, since the status
 * lives in the store of the runtimes and not with either side of a canary.
 */
final class InvocationStatusRoute {

	/** The id of the route; no rule can have it. */
	static final String ID = "_invocations";

	/** Where the status resources are. */
	static final String PATH_PREFIX = "/invocations/";

	/** Ids of invocations: UUIDs as the runtime writes them. */
	static final Pattern INVOCATION_ID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/** Where the runtime says an invocation is: relative, or on its own address. */
	private static final Pattern RUNTIME_LOCATION = Pattern
		.compile("(?:https?://[^/?#]*)?/(?:[^?#]*/)?async/invocations/(" + INVOCATION_ID.pattern() + ")");

	/**
	 * Not a place any request goes: every request is answered or sent on by its filters.
	 */
	private static final URI NOWHERE = URI.create("http://127.0.0.1");

	private InvocationStatusRoute() {
	}

	/**
	 * The status route of the rules of a snapshot.
	 * @param standIns by route id, what a request for the status of one of the route's
	 * invocations is served as
	 * @param problems answers the requests for routes or invocations that do not exist
	 */
	static Route compile(Map<String, StandIn> standIns, ProblemWriter problems) {
		return Route.async()
			.id(ID)
			.uri(NOWHERE)
			.order(-1)
			.predicate(new InvocationStatusPredicate(Map.copyOf(standIns)))
			.filter(new InvocationStatusFilter(problems))
			.filter(new InvocationStatusForwardingFilter())
			.build();
	}

	/**
	 * The path of the status resource of an invocation.
	 */
	static String path(String routeId, String invocationId) {
		return PATH_PREFIX + routeId + "/" + invocationId;
	}

	/**
	 * Turns the {@code Location} of an answer of the runtime, if it names an invocation,
	 * into the gateway's status resource of that invocation. Any other {@code Location},
	 * including one already turned, stays as it is.
	 * @param headers the headers of the answer
	 * @param routeId the route the invocation was made on
	 */
	static void pointLocationAtGateway(HttpHeaders headers, String routeId) {
		String location = headers.getFirst(HttpHeaders.LOCATION);
		if (location == null) {
			return;
		}
		Matcher matcher = RUNTIME_LOCATION.matcher(location);
		if (matcher.matches()) {
			headers.set(HttpHeaders.LOCATION, path(routeId, matcher.group(1)));
		}
	}

	/**
	 * What a request for the status of an invocation of one route is served as.
	 *
	 * @param route a route that carries the id and the timeouts of the rule's route,
	 * without its filters: it stands in for the status route once the request is known to
	 * be for this rule
	 * @param stable where the route's stable target is called
	 */
	record StandIn(Route route, TargetUris stable) {

	}

}
