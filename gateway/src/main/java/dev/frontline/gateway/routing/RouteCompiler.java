package dev.frontline.gateway.routing;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.frontline.contract.CanaryTarget;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.FieldError;
import dev.frontline.contract.RetryPolicy;
import dev.frontline.contract.RouteRule;
import dev.frontline.gateway.canary.CanarySplitter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Compiles the route rules of a snapshot into gateway routes, in match order: by
 * {@link RouteRule#order()}, then by id.
 */
final class RouteCompiler {

	/** Routes in match order. */
	static final Comparator<RouteRule> MATCH_ORDER = Comparator.comparingInt(RouteRule::order)
		.thenComparing(RouteRule::id);

	/** Wraps the forwarding filter, so that a retry forwards again to the next URI. */
	private static final int RETRY_ORDER = FunctionForwardingFilter.ORDER - 10;

	private final RetryGatewayFilterFactory retries;

	private final CanarySplitter canaries;

	private final JsonMapper json;

	RouteCompiler(RetryGatewayFilterFactory retries, CanarySplitter canaries, JsonMapper json) {
		this.retries = retries;
		this.canaries = canaries;
		this.json = json;
	}

	/**
	 * Compiles every rule of the snapshot.
	 * @throws InvalidSnapshot naming each rule that does not compile
	 */
	List<Route> compile(ConfigSnapshot snapshot) {
		List<RouteRule> rules = snapshot.routes().stream().sorted(MATCH_ORDER).toList();
		List<Route> routes = new ArrayList<>(rules.size());
		List<FieldError> errors = new ArrayList<>();
		for (RouteRule rule : rules) {
			try {
				routes.add(compile(rule, routes.size()));
			}
			catch (RuntimeException ex) {
				errors.add(new FieldError("routes[" + snapshot.routes().indexOf(rule) + "]",
						"does not compile: " + ((ex.getMessage() != null) ? ex.getMessage() : ex)));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidSnapshot(snapshot.version(), errors);
		}
		return List.copyOf(routes);
	}

	private Route compile(RouteRule rule, int position) {
		long timeout = rule.timeout().toMillis();
		Route.AsyncBuilder route = Route.async()
			.id(rule.id())
			.uri(URI.create(rule.stable().uris().get(0)))
			// CachingRouteLocator sorts by order; the position keeps ties in id order.
			.order(position)
			.predicate(new RouteMatchPredicate(rule.match()))
			.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, timeout)
			.metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) Math.min(timeout, Integer.MAX_VALUE));
		CanaryTarget canary = rule.canary();
		if (canary != null) {
			// The split of a route goes with the route: a request forwards to a target of
			// the rule it matched, even when a new snapshot replaces that rule meanwhile.
			route.filter(this.canaries.split(rule.id(), canary));
		}
		route.filter(new FunctionForwardingFilter(rule.id(), rule.stable(), (canary != null) ? canary.target() : null,
				this.json));
		if (rule.retry().attempts() > 0) {
			route.filter(new OrderedGatewayFilter(retry(rule.id(), rule.retry(), rule.timeout()), RETRY_ORDER));
		}
		return route.build();
	}

	private GatewayFilter retry(String routeId, RetryPolicy policy, Duration timeout) {
		Duration lastBackoff = policy.backoff().multipliedBy(1L << (policy.attempts() - 1));
		RetryConfig config = new RetryConfig().setRetries(policy.attempts())
			.setSeries()
			.setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.GATEWAY_TIMEOUT)
			.setMethods(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE)
			.setExceptions(ConnectException.class)
			.setBackoff(policy.backoff(), lastBackoff, 2, false)
			// No retry starts once the route's timeout has passed.
			.setTimeout(timeout);
		config.setRouteId(routeId);
		return this.retries.apply(config);
	}

}
