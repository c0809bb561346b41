package dev.frontline.admin.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.frontline.admin.release.Evaluation.Action;
import dev.frontline.admin.release.Evaluation.Check;
import dev.frontline.admin.release.Evaluation.Figures;
import dev.frontline.admin.release.Evaluation.Verdict;
import dev.frontline.contract.RouteStats;

/**
 * Decides what a release does after a window of traffic: judges the canary against the
 * absolute thresholds and against the stable target, and turns the verdict into an
 * action. Pure: the same inputs always give the same outcome.
 * <ul>
 * <li>Fewer canary requests than {@code minRequestsPerStep}: inconclusive, hold; the
 * failure streak stays as it is.</li>
 * <li>The canary's error rate and p99 must not exceed {@code maxErrorRate} and
 * {@code maxP99Ms}; its error rate must not exceed the stable target's by more than
 * {@code maxErrorRateDelta}, nor its p99 the stable target's p99 times
 * {@code maxP99Ratio}. The two comparisons are skipped, and a note says so, when the
 * stable target served fewer than {@code minRequestsPerStep} requests (as at 100 %).</li>
 * <li>Every check passed: advance to the next step, or promote after the last.</li>
 * <li>A check failed: hold, or roll back once {@code failureThreshold} evaluations in a
 * row failed.</li>
 * </ul>
 */
final class ReleaseAnalysis {

	static final String MAX_ERROR_RATE = "maxErrorRate";

	static final String MAX_P99_MS = "maxP99Ms";

	static final String MAX_ERROR_RATE_DELTA = "maxErrorRateDelta";

	static final String MAX_P99_RATIO = "maxP99Ratio";

	private static final double QUANTILE = 0.99;

	private ReleaseAnalysis() {
	}

	/**
	 * Judges one window.
	 * @param thresholds the release's thresholds
	 * @param steps the release's steps, ending with 100
	 * @param stepIndex the index of the current step
	 * @param failureStreak failed evaluations in a row before this one
	 * @param canary what the canary served in the window, over all gateways
	 * @param stable what the stable target served in the same window
	 * @return the verdict, the action, and the figures and checks behind them
	 */
	static Outcome evaluate(Analysis thresholds, List<Integer> steps, int stepIndex, int failureStreak,
			RouteStats canary, RouteStats stable) {
		Figures canaryFigures = Figures.of(canary);
		Figures stableFigures = Figures.of(stable);
		List<String> notes = new ArrayList<>();
		if (canary.requests() < thresholds.minRequestsPerStep()) {
			notes.add("the canary served " + canary.requests() + " requests, fewer than minRequestsPerStep ("
					+ thresholds.minRequestsPerStep() + "): inconclusive, holding at the step");
			return new Outcome(Verdict.INCONCLUSIVE, Action.HOLD, stepIndex, failureStreak, canaryFigures,
					stableFigures, List.of(), notes);
		}
		List<Check> checks = new ArrayList<>();
		checks.add(Check.atMost(MAX_ERROR_RATE, canaryFigures.errorRate(), thresholds.maxErrorRate()));
		checks.add(Check.atMost(MAX_P99_MS, canaryFigures.p99Ms(), thresholds.maxP99Ms()));
		if (stable.requests() < thresholds.minRequestsPerStep()) {
			notes.add("the stable target served " + stable.requests() + " requests, fewer than minRequestsPerStep ("
					+ thresholds.minRequestsPerStep() + "): " + MAX_ERROR_RATE_DELTA + " and " + MAX_P99_RATIO
					+ " not checked");
			checks.add(Check.skipped(MAX_ERROR_RATE_DELTA, thresholds.maxErrorRateDelta()));
			checks.add(Check.skipped(MAX_P99_RATIO, thresholds.maxP99Ratio()));
		}
		else {
			checks.add(Check.atMost(MAX_ERROR_RATE_DELTA, canaryFigures.errorRate() - stableFigures.errorRate(),
					thresholds.maxErrorRateDelta()));
			// A stable side with requests has a p99 above 0: the first bucket's lower
			// bound
			// is 0 and the estimate interpolates into it.
			checks.add(Check.atMost(MAX_P99_RATIO, canaryFigures.p99Ms() / stableFigures.p99Ms(),
					thresholds.maxP99Ratio()));
		}
		boolean failed = checks.stream().anyMatch((check) -> check.outcome() == Check.Outcome.FAIL);
		if (failed) {
			int streak = failureStreak + 1;
			boolean rollback = streak >= thresholds.failureThreshold();
			notes.add(String.format(Locale.ROOT, "%d of %d failed evaluations in a row before a rollback", streak,
					thresholds.failureThreshold()));
			return new Outcome(Verdict.FAIL, rollback ? Action.ROLLBACK : Action.HOLD, stepIndex, streak, canaryFigures,
					stableFigures, checks, notes);
		}
		boolean last = stepIndex >= steps.size() - 1;
		return new Outcome(Verdict.PASS, last ? Action.PROMOTE : Action.ADVANCE, last ? stepIndex : stepIndex + 1, 0,
				canaryFigures, stableFigures, checks, notes);
	}

	/**
	 * The result of judging one window.
	 *
	 * @param verdict what the figures say
	 * @param action what the release does
	 * @param stepIndex the step the release is at afterwards
	 * @param failureStreak failed evaluations in a row afterwards
	 * @param canary the canary's figures
	 * @param stable the stable target's figures
	 * @param checks each check with its outcome; none when inconclusive
	 * @param notes why checks were skipped or nothing was judged, and how close a failure
	 * is to a rollback
	 */
	record Outcome(Verdict verdict, Action action, int stepIndex, int failureStreak, Figures canary, Figures stable,
			List<Check> checks, List<String> notes) {

		/**
		 * Whether the next window starts afresh: after a verdict, the next one must rest
		 * on new traffic, while an inconclusive window keeps growing until it holds
		 * enough.
		 */
		boolean restartsWindow() {
			return this.verdict != Verdict.INCONCLUSIVE;
		}

	}

}
