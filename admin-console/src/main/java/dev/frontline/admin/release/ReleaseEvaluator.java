package dev.frontline.admin.release;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.frontline.admin.audit.AuditLog;
import dev.frontline.admin.fleet.RouteStatsReports;
import dev.frontline.admin.security.Author;
import dev.frontline.admin.snapshot.DescribedChange.Described;
import dev.frontline.admin.snapshot.SnapshotPublisher;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.RouteStats;
import dev.frontline.contract.Variant;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Evaluates the running automatic releases whose interval has passed, on the stats of all
 * gateways, and carries out what {@link ReleaseAnalysis} decides.
 * <p>
 * The window compares canary and stable over the same span: from the start of the step,
 * or from the step's latest conclusive evaluation if that is later, to now. So each
 * verdict rests on traffic no earlier verdict judged, while inconclusive evaluations let
 * the window grow until it holds enough canary requests.
 * <p>
 * Safe with several console instances on one store: an evaluation locks publishing and
 * the release's row, and checks again that it is due; the instance that comes second
 * finds the next evaluation scheduled and does nothing.
 */
@Component
class ReleaseEvaluator {

	private static final Log log = LogFactory.getLog(ReleaseEvaluator.class);

	private static final String SYSTEM = Author.SYSTEM.name();

	private final SnapshotPublisher publisher;

	private final Releases releases;

	private final ReleaseEvaluations evaluations;

	private final RouteStatsReports stats;

	private final AuditLog audit;

	private final ReleaseMetrics metrics;

	private final Clock clock = Clock.systemUTC();

	ReleaseEvaluator(SnapshotPublisher publisher, Releases releases, ReleaseEvaluations evaluations,
			RouteStatsReports stats, AuditLog audit, ReleaseMetrics metrics) {
		this.publisher = publisher;
		this.releases = releases;
		this.evaluations = evaluations;
		this.stats = stats;
		this.audit = audit;
		this.metrics = metrics;
	}

	/**
	 * Evaluates every release that is due, then refreshes the release metrics. A failure
	 * of one release's evaluation is logged and retried on the next tick.
	 */
	void evaluateDue() {
		try {
			for (long id : this.releases.due(now())) {
				try {
					evaluate(id);
				}
				catch (RuntimeException ex) {
					log.error("Cannot evaluate release " + id + "; trying again on the next tick", ex);
				}
			}
			this.metrics.refresh();
		}
		catch (RuntimeException ex) {
			log.warn("Cannot look for releases to evaluate; trying again on the next tick", ex);
		}
	}

	/**
	 * Evaluates one release if it is still due once locked.
	 * @return the evaluation made, or {@code null} if none was due
	 */
	@Nullable Evaluation evaluate(long id) {
		AtomicReference<Evaluation> made = new AtomicReference<>();
		AtomicReference<String> routeId = new AtomicReference<>();
		this.publisher.publishDescribed(SYSTEM, (current) -> {
			Release release = this.releases.lock(id).orElse(null);
			Instant now = now();
			if (release == null || !release.dueAt(now)) {
				return null;
			}
			RouteRule route = current.route(release.routeId()).orElse(null);
			if (route == null) {
				// Deleting the route is refused while a release is active, but a rollback
				// may have removed it before the release was aborted.
				this.releases.update(release.aborted(now));
				this.audit.record(SYSTEM, "release.abort", ReleaseTransitions.target(release),
						"route " + release.routeId() + ": aborted, the route is no longer in the config");
				return null;
			}
			Instant windowStart = release.windowStartedAt();
			RouteStats canary = this.stats.merged(release.routeId(), Variant.CANARY, windowStart, now);
			RouteStats stable = this.stats.merged(release.routeId(), Variant.STABLE, windowStart, now);
			ReleaseAnalysis.Outcome outcome = ReleaseAnalysis.evaluate(release.analysis(), release.steps(),
					release.stepIndex(), release.failureStreak(), canary, stable);
			Evaluation evaluation = this.evaluations.add(new Evaluation(0, release.id(), now, release.stepIndex(),
					release.weight(), windowStart, now, outcome.verdict(), outcome.action(), outcome.failureStreak(),
					outcome.canary(), outcome.stable(), release.analysis(), outcome.checks(), outcome.notes()));
			made.set(evaluation);
			routeId.set(release.routeId());
			Release after = release.evaluated(outcome, now);
			this.releases.update(after);
			@Nullable String detail = switch (outcome.action()) {
				case HOLD -> null;
				case ADVANCE -> "weight " + release.weight() + "% -> " + after.weight() + "% after evaluation "
						+ evaluation.id() + " passed";
				case PROMOTE -> "promoted after evaluation " + evaluation.id()
						+ " passed the last step: the canary is the stable target now";
				case ROLLBACK -> "rolled back from " + release.weight() + "% to 0% after " + outcome.failureStreak()
						+ " failed evaluations in a row (last: evaluation " + evaluation.id() + ", failed "
						+ String.join(", ", evaluation.failedChecks()) + ")";
			};
			if (detail == null) {
				return null;
			}
			this.audit.record(SYSTEM, "release." + outcome.action().label(), ReleaseTransitions.target(release),
					"route " + release.routeId() + ": " + detail);
			return new Described(after.applyTo(current.routes()), ReleaseTransitions.summary(release, detail));
		});
		Evaluation evaluation = made.get();
		if (evaluation != null) {
			this.metrics.counted(routeId.get(), evaluation.verdict());
		}
		return evaluation;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
