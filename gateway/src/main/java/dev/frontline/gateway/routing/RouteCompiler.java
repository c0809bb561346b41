package dev.frontline.gateway.routing;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.frontline.contract.AsyncPolicy;
import dev.frontline.contract.CanaryTarget;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.FieldError;
import dev.frontline.contract.RetryPolicy;
import dev.frontline.contract.RouteRule;
import dev.frontline.gateway.canary.CanarySplitter;
import dev.frontline.gateway.routing.InvocationStatusRoute.StandIn;
import dev.frontline.gateway.web.ProblemWriter;
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
 * {@link RouteRule#order()}, then by id; all behind the {@link InvocationStatusRoute} of
 * their asynchronous invocations.
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

	private final ProblemWriter problems;

	RouteCompiler(RetryGatewayFilterFactory retries, CanarySplitter canaries, JsonMapper json) {
		this.retries = retries;
		this.canaries = canaries;
		this.json = json;
		this.problems = new ProblemWriter(json);
	}

	/**
	 * Compiles every rule of the snapshot, behind the status route of their asynchronous
	 * invocations.
	 * @throws InvalidSnapshot naming each rule that does not compile
	 */
	List<Route> compile(ConfigSnapshot snapshot) {
		List<RouteRule> rules = snapshot.routes().stream().sorted(MATCH_ORDER).toList();
		List<Route> routes = new ArrayList<>(rules.size() + 1);
		Map<String, StandIn> standIns = new HashMap<>();
		List<FieldError> errors = new ArrayList<>();
		for (RouteRule rule : rules) {
			try {
				TargetUris stable = new TargetUris(rule.stable());
				int position = routes.size();
				routes.add(compile(rule, stable, position));
				standIns.put(rule.id(), new StandIn(standIn(rule, position), stable));
			}
			catch (RuntimeException ex) {
				errors.add(new FieldError("routes[" + snapshot.routes().indexOf(rule) + "]",
						"does not compile: " + ((ex.getMessage() != null) ? ex.getMessage() : ex)));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidSnapshot(snapshot.version(), errors);
		}
		if (!routes.isEmpty()) {
			routes.add(0, InvocationStatusRoute.compile(standIns, this.problems));
		}
		return List.copyOf(routes);
	}

	private Route compile(RouteRule rule, TargetUris stable, int position) {
		Route.AsyncBuilder route = timed(Route.async(), rule, position)
			.predicate(new RouteMatchPredicate(rule.match()));
		CanaryTarget canary = rule.canary();
		if (canary != null) {
			// The split of a route goes with the route: a request forwards to a target of
			// the rule it matched, even when a new snapshot replaces that rule meanwhile.
			route.filter(this.canaries.split(rule.id(), canary));
		}
		AsyncPolicy async = rule.asyncPolicy();
		route.filter(new FunctionForwardingFilter(rule.id(), stable,
				(canary != null) ? new TargetUris(canary.target()) : null, async, this.json, this.problems));
		if (rule.retry().attempts() > 0) {
			GatewayFilter syncRetry = retry(rule.id(), syncRetries(rule.retry()), rule.retry(), rule.timeout());
			GatewayFilter asyncRetry = retry(rule.id(), asyncRetries(rule.retry()), rule.retry(), rule.timeout());
			route.filter(new OrderedGatewayFilter(new InvocationTypeRetryFilter(syncRetry, asyncRetry, async.always()),
					RETRY_ORDER));
		}
		return route.build();
	}

	/**
	 * What a request for the status of one of the rule's invocations is served as: the
	 * rule's route without its predicate and filters.
	 */
	private static Route standIn(RouteRule rule, int position) {
		return timed(Route.async(), rule, position).predicate((exchange) -> false).build();
	}

	private static Route.AsyncBuilder timed(Route.AsyncBuilder route, RouteRule rule, int position) {
		long timeout = rule.timeout().toMillis();
		return route.id(rule.id())
			.uri(URI.create(rule.stable().uris().get(0)))
			// CachingRouteLocator sorts by order; the position keeps ties in id order.
			.order(position)
			.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, timeout)
			.metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) Math.min(timeout, Integer.MAX_VALUE));
	}

	private static RetryConfig syncRetries(RetryPolicy policy) {
		return new RetryConfig().setRetries(policy.attempts())
			.setSeries()
			.setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.GATEWAY_TIMEOUT)
			.setMethods(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE)
			.setExceptions(ConnectException.class);
	}

	/**
	 * Only connection failures, which happen before anything is sent, whatever the
	 * method: the runtime is sent a POST either way.
	 */
	private static RetryConfig asyncRetries(RetryPolicy policy) {
		return new RetryConfig().setRetries(policy.attempts())
			.setSeries()
			.setStatuses()
			.setMethods(HttpMethod.values())
			.setExceptions(ConnectException.class);
	}

	private GatewayFilter retry(String routeId, RetryConfig config, RetryPolicy policy, Duration timeout) {
		Duration lastBackoff = policy.backoff().multipliedBy(1L << (policy.attempts() - 1));
		config.setBackoff(policy.backoff(), lastBackoff, 2, false)
			// No retry starts once the route's timeout has passed.
			.setTimeout(timeout);
		config.setRouteId(routeId);
		return this.retries.apply(config);
	}

}
