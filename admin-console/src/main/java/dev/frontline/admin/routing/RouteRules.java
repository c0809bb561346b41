package dev.frontline.admin.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.frontline.admin.catalogue.CompositionChecks;
import dev.frontline.admin.catalogue.CompositionReport;
import dev.frontline.admin.security.Author;
import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.admin.snapshot.SnapshotChange;
import dev.frontline.admin.snapshot.SnapshotPublisher;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.FieldError;
import dev.frontline.contract.RouteRule;

import org.springframework.stereotype.Component;

/**
 * The route rules of the current snapshot. Every change publishes a new snapshot, or
 * nothing if the change is refused. A written route's function compositions are checked
 * against the catalogues of the runtimes it targets before publishing, so that no network
 * call happens while publishing is locked.
 */
@Component
class RouteRules {

	private final ConfigVersions versions;

	private final SnapshotPublisher publisher;

	private final RouteRuleChecks checks;

	private final CompositionChecks compositions;

	RouteRules(ConfigVersions versions, SnapshotPublisher publisher, RouteRuleChecks checks,
			CompositionChecks compositions) {
		this.versions = versions;
		this.publisher = publisher;
		this.checks = checks;
		this.compositions = compositions;
	}

	ConfigSnapshot current() {
		return this.versions.current();
	}

	/**
	 * Adds a route.
	 * @throws RouteExists if a route with its id exists
	 * @throws InvalidRouteRule if the route or the resulting snapshot is invalid, or a
	 * function composition does not fit its runtime's catalogue
	 */
	Written create(RouteRule route, Author author) {
		CompositionReport composition = this.compositions.check(route);
		ConfigSnapshot published = publish(author, "create route " + route.id(), (current) -> {
			if (route.id() != null && current.route(route.id()).isPresent()) {
				throw new RouteExists(route.id());
			}
			List<RouteRule> routes = new ArrayList<>(current.routes());
			routes.add(route);
			return checked(routes, routes.size() - 1, composition.errors());
		});
		return new Written(published, composition.warnings());
	}

	/**
	 * Replaces the route with the given id.
	 * @throws RouteNotFound if there is none
	 * @throws InvalidRouteRule if the route names another id, the route or the resulting
	 * snapshot is invalid, or a function composition does not fit its runtime's catalogue
	 */
	Written replace(String id, RouteRule route, Author author) {
		List<FieldError> otherErrors = new ArrayList<>();
		if (route.id() != null && !route.id().equals(id)) {
			otherErrors.add(new FieldError("id", "must be absent or equal the id in the path ('" + id + "')"));
		}
		CompositionReport composition = this.compositions.check(route);
		otherErrors.addAll(composition.errors());
		ConfigSnapshot published = publish(author, "update route " + id, (current) -> {
			List<RouteRule> routes = new ArrayList<>(current.routes());
			int index = indexOf(routes, id);
			routes.set(index, route.withId(id));
			return checked(routes, index, otherErrors);
		});
		return new Written(published, composition.warnings());
	}

	/**
	 * Removes the route with the given id.
	 * @throws RouteNotFound if there is none
	 */
	ConfigSnapshot delete(String id, Author author) {
		return publish(author, "delete route " + id, (current) -> {
			List<RouteRule> routes = new ArrayList<>(current.routes());
			routes.remove(indexOf(routes, id));
			return routes;
		});
	}

	private ConfigSnapshot publish(Author author, String summary, SnapshotChange change) {
		return this.publisher.publish(author.name(), summary, change)
			.orElseThrow(() -> new IllegalStateException("A route change published nothing"));
	}

	private List<RouteRule> checked(List<RouteRule> routes, int index, List<FieldError> otherErrors) {
		List<FieldError> errors = new ArrayList<>(otherErrors);
		errors.addAll(this.checks.check(routes, index));
		if (!errors.isEmpty()) {
			throw new InvalidRouteRule(errors.stream()
				.distinct()
				.sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
				.toList());
		}
		return routes;
	}

	private static int indexOf(List<RouteRule> routes, String id) {
		for (int i = 0; i < routes.size(); i++) {
			if (routes.get(i).id().equals(id)) {
				return i;
			}
		}
		throw new RouteNotFound(id);
	}

	/**
	 * A published route change.
	 *
	 * @param snapshot the snapshot it published
	 * @param warnings what could not be checked, such as the function composition of a
	 * runtime that was unreachable
	 */
	record Written(ConfigSnapshot snapshot, List<String> warnings) {

	}

}
