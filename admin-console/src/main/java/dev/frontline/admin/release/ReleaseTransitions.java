package dev.frontline.admin.release;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import dev.frontline.admin.audit.AuditLog;
import dev.frontline.admin.security.Author;
import dev.frontline.admin.snapshot.ConfigRolledBack;
import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.admin.snapshot.DescribedChange.Described;
import dev.frontline.admin.snapshot.SnapshotPublisher;
import dev.frontline.contract.CanaryTarget;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.DurationJson;
import dev.frontline.contract.FieldError;
import dev.frontline.contract.RouteRule;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts releases and takes operators' decisions on them. Each change locks publishing,
 * then the release's row, stores the release, audits the change and publishes the route's
 * new canary in one transaction: a release and the config never disagree.
 * <p>
 * Pausing and resuming publish a snapshot too, with the route's canary as the release
 * holds it, although the weight stays: so every state change of a release is a config
 * version, and the history shows it next to the changes it follows.
 * <p>
 * Aborting keeps the canary target on the route at weight 0, as a rollback by the
 * evaluations does; promoting makes it the stable target and removes the canary.
 */
@Component
class ReleaseTransitions {

	private static final Log log = LogFactory.getLog(ReleaseTransitions.class);

	private static final List<ReleaseState> ACTIVE = List.of(ReleaseState.RUNNING, ReleaseState.PAUSED);

	private final SnapshotPublisher publisher;

	private final ConfigVersions versions;

	private final Releases releases;

	private final ReleaseChecks checks;

	private final AuditLog audit;

	private final ReleaseMetrics metrics;

	private final Clock clock = Clock.systemUTC();

	ReleaseTransitions(SnapshotPublisher publisher, ConfigVersions versions, Releases releases, ReleaseChecks checks,
			AuditLog audit, ReleaseMetrics metrics) {
		this.publisher = publisher;
		this.versions = versions;
		this.releases = releases;
		this.checks = checks;
		this.audit = audit;
		this.metrics = metrics;
	}

	/**
	 * Starts a release: the route gets the canary at the first step's weight.
	 * @throws InvalidRelease if the request is invalid or the route does not exist
	 * @throws ReleaseActive if the route has an active release
	 */
	Started start(NewRelease request, Author author) {
		ReleaseChecks.Checked checked = this.checks.check(request, this.versions.current());
		ReleasePlan plan = checked.plan();
		AtomicReference<Release> started = new AtomicReference<>();
		ConfigSnapshot published = this.publisher.publishDescribed(author.name(), (current) -> {
			RouteRule route = current.route(plan.routeId())
				.orElseThrow(() -> new InvalidRelease(List.of(new FieldError("routeId",
						"names no route of the current config (version " + current.version() + ")"))));
			this.releases.activeOn(route.id()).ifPresent((active) -> {
				throw new ReleaseActive(route.id(), active, "start another release of route '" + route.id() + "'");
			});
			Release release = Release.start(plan, route.stable(), author.name(), now());
			release = release.withId(this.releases.insert(release));
			started.set(release);
			String detail = "started at " + release.weight() + "%, canary " + describe(release) + ", steps "
					+ release.steps() + " every " + DurationJson.format(release.interval()) + ", "
					+ release.mode().label() + " mode";
			this.audit.record(author.name(), "release.start", target(release), "route " + route.id() + ": " + detail);
			return new Described(release.applyTo(current.routes()), summary(release, detail));
		}).orElseThrow(() -> new IllegalStateException("Starting a release published nothing"));
		this.metrics.refresh();
		return new Started(started.get(), published, checked.warnings());
	}

	Changed pause(long id, Author author) {
		return change(id, author.name(), "release.pause", (release, now) -> {
			require(release, "be paused", List.of(ReleaseState.RUNNING));
			return new Step(release.paused(now), "paused at " + release.weight() + "%");
		});
	}

	Changed resume(long id, Author author) {
		return change(id, author.name(), "release.resume", (release, now) -> {
			require(release, "be resumed", List.of(ReleaseState.PAUSED));
			return new Step(release.resumed(now), "resumed at " + release.weight() + "%");
		});
	}

	Changed promote(long id, Author author) {
		return change(id, author.name(), "release.promote", (release, now) -> {
			require(release, "be promoted", ACTIVE);
			return new Step(release.promoted(now),
					"promoted at " + release.weight() + "%: the canary is the stable target now");
		});
	}

	Changed abort(long id, Author author) {
		return change(id, author.name(), "release.abort", (release, now) -> {
			require(release, "be aborted", ACTIVE);
			return new Step(release.aborted(now), "aborted at " + release.weight() + "%, canary weight now 0%");
		});
	}

	Changed weigh(long id, int weight, Author author) {
		return change(id, author.name(), "release.weight", (release, now) -> {
			if (release.mode() != ReleaseMode.MANUAL) {
				throw new ReleaseNotManual(release);
			}
			require(release, "take a weight", List.of(ReleaseState.RUNNING));
			return new Step(release.weighted(weight, now), "weight " + release.weight() + "% -> " + weight + "%");
		});
	}

	/**
	 * Aborts every active release once the config was rolled back, since the release no
	 * longer steers the routes it published. The route keeps what the rollback published,
	 * but for its canary: if that is the release's target, its weight becomes 0.
	 */
	@EventListener
	void on(ConfigRolledBack event) {
		for (long id : this.releases.active()) {
			try {
				abortAfterRollback(id, event);
			}
			catch (RuntimeException ex) {
				log.error("Cannot abort release " + id + " after the rollback to version " + event.toVersion(), ex);
			}
		}
		this.metrics.refresh();
	}

	private void abortAfterRollback(long id, ConfigRolledBack event) {
		this.publisher.publishDescribed(event.author(), (current) -> {
			Release release = this.releases.lock(id).orElse(null);
			if (release == null || !release.state().active()) {
				return null;
			}
			Release aborted = release.aborted(now());
			this.releases.update(aborted);
			String detail = "aborted at " + release.weight() + "% because the config was rolled back to version "
					+ event.toVersion() + " (published as version " + event.snapshot().version() + ")";
			this.audit.record(event.author(), "release.abort", target(release),
					"route " + release.routeId() + ": " + detail);
			RouteRule route = current.route(release.routeId()).orElse(null);
			CanaryTarget canary = (route != null) ? route.canary() : null;
			if (canary == null || !canary.target().equals(release.canary()) || canary.weight() == 0) {
				return null;
			}
			List<RouteRule> routes = current.routes()
				.stream()
				.map((candidate) -> (candidate == route) ? candidate.withCanary(canary.withWeight(0)) : candidate)
				.toList();
			return new Described(routes, summary(aborted, detail));
		});
	}

	private Changed change(long id, String actor, String action, Transition transition) {
		AtomicReference<Release> changed = new AtomicReference<>();
		Optional<ConfigSnapshot> published = this.publisher.publishDescribed(actor, (current) -> {
			Release release = this.releases.lock(id).orElseThrow(() -> new ReleaseNotFound(id));
			Step step = transition.apply(release, now());
			this.releases.update(step.release());
			changed.set(step.release());
			this.audit.record(actor, action, target(release), "route " + release.routeId() + ": " + step.detail());
			if (current.route(release.routeId()).isEmpty()) {
				return null;
			}
			return new Described(step.release().applyTo(current.routes()), summary(release, step.detail()));
		});
		this.metrics.refresh();
		long version = published.map(ConfigSnapshot::version).orElseGet(this.versions::headVersion);
		return new Changed(changed.get(), version);
	}

	private static void require(Release release, String action, List<ReleaseState> allowed) {
		if (!allowed.contains(release.state())) {
			throw new IllegalReleaseTransition(release, action, allowed);
		}
	}

	static String target(Release release) {
		return "release/" + release.id();
	}

	static String summary(Release release, String detail) {
		return "release " + release.id() + " of route " + release.routeId() + ": " + detail;
	}

	private static String describe(Release release) {
		return release.canary().uris().stream().collect(Collectors.joining(",")) + " " + release.canary().function();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * One decision on a release, checked against its state.
	 */
	@FunctionalInterface
	private interface Transition {

		Step apply(Release release, Instant now);

	}

	/**
	 * A release after a decision, and what the decision did, for the audit log and the
	 * config history.
	 */
	private record Step(Release release, String detail) {

	}

	/**
	 * A started release.
	 *
	 * @param release the release
	 * @param snapshot the snapshot that put its canary on the route
	 * @param warnings what could not be checked, such as the canary's function
	 * composition
	 */
	record Started(Release release, ConfigSnapshot snapshot, List<String> warnings) {

	}

	/**
	 * A release after a decision.
	 *
	 * @param release the release
	 * @param configVersion the version that published it, or the current version if the
	 * route no longer exists and nothing was published
	 */
	record Changed(Release release, long configVersion) {

	}

}
