package dev.frontline.gateway.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.ConfigViolations;
import dev.frontline.contract.FieldError;
import dev.frontline.contract.RouteRule;
import dev.frontline.gateway.canary.CanarySplitter;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.event.RefreshRoutesEvent;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.route.CachingRouteLocator;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The routes of the config snapshot the gateway holds. A new snapshot is validated and
 * compiled as a whole before it replaces the current routes; then a
 * {@link RefreshRoutesEvent} makes the {@link CachingRouteLocator} swap every route at
 * once. Requests in flight finish on the route they matched. The rule behind each route
 * and the snapshot itself are swapped together with the routes, for the filters that
 * enforce a route's policies.
 */
public class SnapshotRouteLocator implements RouteLocator {

	private final Validator validator;

	private final RouteCompiler compiler;

	private final ApplicationEventPublisher events;

	private volatile Held held = Held.NOTHING;

	/**
	 * Creates a locator that holds no routes until a snapshot is applied.
	 * @param validator checks snapshots against the contract's constraints
	 * @param retries builds the retry filters of routes with a retry policy
	 * @param canaries builds the split of routes with a canary target
	 * @param json writes the JSON bodies built from query parameters and path variables
	 * @param events receives a {@link RefreshRoutesEvent} for each applied snapshot
	 */
	public SnapshotRouteLocator(Validator validator, RetryGatewayFilterFactory retries, CanarySplitter canaries,
			JsonMapper json, ApplicationEventPublisher events) {
		this(validator, new RouteCompiler(retries, canaries, json), events);
	}

	SnapshotRouteLocator(Validator validator, RouteCompiler compiler, ApplicationEventPublisher events) {
		this.validator = validator;
		this.compiler = compiler;
		this.events = events;
	}

	@Override
	public Flux<Route> getRoutes() {
		return Flux.fromIterable(this.held.routes());
	}

	/**
	 * The rule of the route with the given id, in the snapshot held now.
	 * @param routeId the id of a route, as matched by the gateway
	 * @return the rule, or {@code null} if the snapshot held now has no such route
	 */
	public @Nullable RouteRule rule(String routeId) {
		return this.held.rules().get(routeId);
	}

	/**
	 * The snapshot whose routes are held now.
	 * @return the snapshot, or {@code null} before the first one applies
	 */
	public @Nullable ConfigSnapshot snapshot() {
		return this.held.snapshot();
	}

	/**
	 * Routes requests by the given snapshot from now on.
	 * @throws InvalidSnapshot if the snapshot breaks a constraint of the contract or a
	 * route does not compile; the current routes stay in place
	 */
	public synchronized void apply(ConfigSnapshot snapshot) {
		List<FieldError> violations = ConfigViolations.of(this.validator, snapshot);
		if (!violations.isEmpty()) {
			throw new InvalidSnapshot(snapshot.version(), violations);
		}
		List<Route> routes = this.compiler.compile(snapshot);
		Map<String, RouteRule> rules = new HashMap<>();
		snapshot.routes().forEach((rule) -> rules.put(rule.id(), rule));
		this.held = new Held(snapshot, routes, Map.copyOf(rules));
		this.events.publishEvent(new RefreshRoutesEvent(this));
	}

	/**
	 * A snapshot with its compiled routes and its rules by route id, replaced as one.
	 */
	private record Held(@Nullable ConfigSnapshot snapshot, List<Route> routes, Map<String, RouteRule> rules) {

		static final Held NOTHING = new Held(null, List.of(), Map.of());

	}

}
