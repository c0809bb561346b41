package dev.frontline.admin.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.frontline.admin.audit.AuditLog;
import dev.frontline.admin.catalogue.CompositionChecks;
import dev.frontline.admin.catalogue.CompositionReport;
import dev.frontline.admin.release.ReleaseActive;
import dev.frontline.admin.release.Releases;
import dev.frontline.admin.security.Author;
import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.admin.snapshot.SnapshotChange;
import dev.frontline.admin.snapshot.SnapshotPublisher;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.FieldError;
import dev.frontline.contract.RouteRule;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The route rules of the current snapshot. Every change publishes a new snapshot, or
 * nothing if the change is refused. A written route's function compositions are checked
 * against the catalogues of the runtimes it targets before publishing, so that no network
 * call happens while publishing is locked. Every change is audited in the publishing
 * transaction.
 * <p>
 * While a release is active on a route, the release owns the route's canary: a change
 * that removes the route or changes its canary is refused with {@link ReleaseActive}.
 */
@Component
class RouteRules {

	private final ConfigVersions versions;

	private final SnapshotPublisher publisher;

	private final RouteRuleChecks checks;

	private final CompositionChecks compositions;

	private final Releases releases;

	private final AuditLog audit;

	RouteRules(ConfigVersions versions, SnapshotPublisher publisher, RouteRuleChecks checks,
			CompositionChecks compositions, Releases releases, AuditLog audit) {
		this.versions = versions;
		this.publisher = publisher;
		this.checks = checks;
		this.compositions = compositions;
		this.releases = releases;
		this.audit = audit;
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
			check(routes, routes.size() - 1, composition.errors());
			audited(author, "route.create", route.id(), current);
			return routes;
		});
		return new Written(published, composition.warnings());
	}

	/**
	 * Replaces the route with the given id.
	 * @throws RouteNotFound if there is none
	 * @throws InvalidRouteRule if the route names another id, the route or the resulting
	 * snapshot is invalid, or a function composition does not fit its runtime's catalogue
	 * @throws ReleaseActive if the route's canary would change during a release
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
			RouteRule before = routes.get(index);
			routes.set(index, route.withId(id));
			check(routes, index, otherErrors);
			if (!Objects.equals(before.canary(), route.canary())) {
				refuseDuringRelease(id, "change the canary of route '" + id + "'");
			}
			audited(author, "route.update", id, current);
			return routes;
		});
		return new Written(published, composition.warnings());
	}

	/**
	 * Removes the route with the given id.
	 * @throws RouteNotFound if there is none
	 * @throws ReleaseActive if a release of the route is active
	 */
	ConfigSnapshot delete(String id, Author author) {
		return publish(author, "delete route " + id, (current) -> {
			List<RouteRule> routes = new ArrayList<>(current.routes());
			routes.remove(indexOf(routes, id));
			refuseDuringRelease(id, "delete route '" + id + "'");
			audited(author, "route.delete", id, current);
			return routes;
		});
	}

	private void refuseDuringRelease(String id, String refused) {
		this.releases.activeOn(id).ifPresent((release) -> {
			throw new ReleaseActive(id, release, refused);
		});
	}

	private void audited(Author author, String action, @Nullable String id, ConfigSnapshot current) {
		this.audit.record(author.name(), action, "route/" + id, "published as version " + (current.version() + 1));
	}

	private ConfigSnapshot publish(Author author, String summary, SnapshotChange change) {
		return this.publisher.publish(author.name(), summary, change)
			.orElseThrow(() -> new IllegalStateException("A route change published nothing"));
	}

	private void check(List<RouteRule> routes, int index, List<FieldError> otherErrors) {
		List<FieldError> errors = new ArrayList<>(otherErrors);
		errors.addAll(this.checks.check(routes, index));
		if (!errors.isEmpty()) {
			throw new InvalidRouteRule(errors.stream()
				.distinct()
				.sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
				.toList());
		}
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
