package dev.frontline.admin.release;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.frontline.contract.CanaryTarget;
import dev.frontline.contract.CanaryTarget.StickyKey;
import dev.frontline.contract.DurationJson;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A canary release of one route, as stored and as the API shows it.
 *
 * @param id the release's id
 * @param routeId the route released
 * @param state where it stands
 * @param mode who steps it up
 * @param canary the target released
 * @param stable the route's stable target when the release started
 * @param sticky what keeps a caller on one side
 * @param overrides whether callers may force a side
 * @param variantHeader whether responses name the side that served them
 * @param steps the canary's weights, ending with 100
 * @param interval how long each step runs before it is evaluated
 * @param analysis the thresholds evaluations apply
 * @param stepIndex the index of the current step into {@code steps}
 * @param weight the canary's weight now: the step's in auto mode, the operator's in
 * manual mode, 100 once promoted, 0 once rolled back or aborted
 * @param failureStreak failed evaluations in a row
 * @param createdAt when it started
 * @param createdBy who started it
 * @param updatedAt when it last changed
 * @param stepStartedAt when the current step started
 * @param windowStartedAt where the next evaluation's stats window starts
 * @param nextEvaluationAt when it is evaluated next; {@code null} unless running in auto
 * mode
 * @param finishedAt when it was promoted, rolled back or aborted; {@code null} while
 * active
 */
record Release(long id, String routeId, ReleaseState state, ReleaseMode mode, Target canary, Target stable,
		StickyKey sticky, boolean overrides, boolean variantHeader, List<Integer> steps,
		@JsonSerialize(using = DurationJson.Serializer.class) Duration interval, Analysis analysis, int stepIndex,
		int weight, int failureStreak, Instant createdAt, String createdBy, Instant updatedAt, Instant stepStartedAt,
		Instant windowStartedAt, @Nullable Instant nextEvaluationAt, @Nullable Instant finishedAt) {

	Release {
		steps = List.copyOf(steps);
	}

	/**
	 * A release that starts now at its first step.
	 */
	static Release start(ReleasePlan plan, Target stable, String createdBy, Instant now) {
		return new Release(0, plan.routeId(), ReleaseState.RUNNING, plan.mode(), plan.canary(), stable, plan.sticky(),
				plan.overrides(), plan.variantHeader(), plan.steps(), plan.interval(), plan.analysis(), 0,
				plan.steps().get(0), 0, now, createdBy, now, now, now,
				nextEvaluation(plan.mode(), now, plan.interval()), null);
	}

	Release withId(long id) {
		return new Release(id, this.routeId, this.state, this.mode, this.canary, this.stable, this.sticky,
				this.overrides, this.variantHeader, this.steps, this.interval, this.analysis, this.stepIndex,
				this.weight, this.failureStreak, this.createdAt, this.createdBy, this.updatedAt, this.stepStartedAt,
				this.windowStartedAt, this.nextEvaluationAt, this.finishedAt);
	}

	/**
	 * Whether an evaluation is due.
	 */
	boolean dueAt(Instant now) {
		return this.state == ReleaseState.RUNNING && this.mode == ReleaseMode.AUTO && this.nextEvaluationAt != null
				&& !this.nextEvaluationAt.isAfter(now);
	}

	Release paused(Instant now) {
		return progressed(ReleaseState.PAUSED, this.stepIndex, this.weight, this.failureStreak, this.stepStartedAt,
				this.windowStartedAt, null, null, now);
	}

	/**
	 * Running again; the next window starts now, as the traffic while paused was not
	 * meant to be judged.
	 */
	Release resumed(Instant now) {
		return progressed(ReleaseState.RUNNING, this.stepIndex, this.weight, this.failureStreak, this.stepStartedAt,
				now, nextEvaluation(this.mode, now, this.interval), null, now);
	}

	Release promoted(Instant now) {
		return progressed(ReleaseState.PROMOTED, this.stepIndex, 100, this.failureStreak, this.stepStartedAt,
				this.windowStartedAt, null, now, now);
	}

	Release aborted(Instant now) {
		return progressed(ReleaseState.ABORTED, this.stepIndex, 0, this.failureStreak, this.stepStartedAt,
				this.windowStartedAt, null, now, now);
	}

	Release weighted(int weight, Instant now) {
		return progressed(this.state, this.stepIndex, weight, this.failureStreak, this.stepStartedAt,
				this.windowStartedAt, this.nextEvaluationAt, null, now);
	}

	/**
	 * The release after an evaluation's outcome.
	 */
	Release evaluated(ReleaseAnalysis.Outcome outcome, Instant now) {
		return switch (outcome.action()) {
			case ADVANCE -> progressed(ReleaseState.RUNNING, outcome.stepIndex(), this.steps.get(outcome.stepIndex()),
					0, now, now, now.plus(this.interval), null, now);
			case PROMOTE -> promoted(now);
			case ROLLBACK -> progressed(ReleaseState.ROLLED_BACK, this.stepIndex, 0, outcome.failureStreak(),
					this.stepStartedAt, this.windowStartedAt, null, now, now);
			case HOLD -> progressed(ReleaseState.RUNNING, this.stepIndex, this.weight, outcome.failureStreak(),
					this.stepStartedAt, outcome.restartsWindow() ? now : this.windowStartedAt, now.plus(this.interval),
					null, now);
		};
	}

	/**
	 * The canary as the route carries it in this state: at the release's weight, which is
	 * 0 once rolled back or aborted. The canary stays on the route then, so callers with
	 * an override can still reach it while the failure is looked into.
	 */
	CanaryTarget canaryTarget() {
		return new CanaryTarget(this.canary, this.weight, this.sticky, this.overrides, this.variantHeader);
	}

	/**
	 * The route as this release makes it: with the canary at its weight, or, once
	 * promoted, with the canary as its stable target and no canary.
	 */
	RouteRule applyTo(RouteRule route) {
		if (this.state == ReleaseState.PROMOTED) {
			return route.withStable(this.canary).withCanary(null);
		}
		return route.withCanary(canaryTarget());
	}

	/**
	 * The routes with this release's route as it makes it; the same routes if the route
	 * is not among them.
	 */
	List<RouteRule> applyTo(List<RouteRule> routes) {
		List<RouteRule> applied = new ArrayList<>(routes.size());
		for (RouteRule route : routes) {
			applied.add(route.id().equals(this.routeId) ? applyTo(route) : route);
		}
		return applied;
	}

	private Release progressed(ReleaseState state, int stepIndex, int weight, int failureStreak, Instant stepStartedAt,
			Instant windowStartedAt, @Nullable Instant nextEvaluationAt, @Nullable Instant finishedAt, Instant now) {
		return new Release(this.id, this.routeId, state, this.mode, this.canary, this.stable, this.sticky,
				this.overrides, this.variantHeader, this.steps, this.interval, this.analysis, stepIndex, weight,
				failureStreak, this.createdAt, this.createdBy, now, stepStartedAt, windowStartedAt, nextEvaluationAt,
				finishedAt);
	}

	private static @Nullable Instant nextEvaluation(ReleaseMode mode, Instant now, Duration interval) {
		return (mode == ReleaseMode.AUTO) ? now.plus(interval) : null;
	}

}
