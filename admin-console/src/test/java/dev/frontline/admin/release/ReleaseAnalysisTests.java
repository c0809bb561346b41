package dev.frontline.admin.release;

import java.util.List;

import dev.frontline.admin.release.Evaluation.Action;
import dev.frontline.admin.release.Evaluation.Check;
import dev.frontline.admin.release.Evaluation.Verdict;
import dev.frontline.contract.LatencyHistogram;
import dev.frontline.contract.RouteStats;
import dev.frontline.contract.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReleaseAnalysisTests {

	private static final List<Integer> STEPS = List.of(5, 25, 50, 100);

	/** Error rate 5 %, p99 500 ms, delta 2 points, ratio 1.5, 50 requests, 2 failures. */
	private static final Analysis THRESHOLDS = Analysis.DEFAULTS;

	@Test
	void advancesToTheNextStepWhenEveryCheckPasses() {
		ReleaseAnalysis.Outcome outcome = evaluate(1, 0, stats(Variant.CANARY, 100, 1, 40),
				stats(Variant.STABLE, 400, 2, 40));
		assertThat(outcome.verdict()).isEqualTo(Verdict.PASS);
		assertThat(outcome.action()).isEqualTo(Action.ADVANCE);
		assertThat(outcome.stepIndex()).isEqualTo(2);
		assertThat(outcome.failureStreak()).isZero();
		assertThat(outcome.checks()).extracting(Check::name)
			.containsExactly("maxErrorRate", "maxP99Ms", "maxErrorRateDelta", "maxP99Ratio");
		assertThat(outcome.checks()).extracting(Check::outcome).containsOnly(Check.Outcome.PASS);
		assertThat(outcome.canary().requests()).isEqualTo(100);
		assertThat(outcome.canary().errorRate()).isEqualTo(0.01);
		assertThat(outcome.stable().errorRate()).isEqualTo(0.005);
		assertThat(outcome.canary().p99Ms()).isBetween(30.0, 40.0);
	}

	@Test
	void passingResetsTheFailureStreak() {
		ReleaseAnalysis.Outcome outcome = evaluate(0, 1, stats(Variant.CANARY, 100, 0, 40),
				stats(Variant.STABLE, 400, 0, 40));
		assertThat(outcome.action()).isEqualTo(Action.ADVANCE);
		assertThat(outcome.failureStreak()).isZero();
	}

	@Test
	void promotesWhenTheLastStepPasses() {
		ReleaseAnalysis.Outcome outcome = evaluate(3, 0, stats(Variant.CANARY, 500, 0, 40),
				stats(Variant.STABLE, 0, 0, 40));
		assertThat(outcome.verdict()).isEqualTo(Verdict.PASS);
		assertThat(outcome.action()).isEqualTo(Action.PROMOTE);
		assertThat(outcome.stepIndex()).isEqualTo(3);
	}

	@Test
	void failsOnTheCanaryErrorRate() {
		// 6 % of the canary fails; the stable side fails as often, so only the absolute
		// ceiling is crossed.
		ReleaseAnalysis.Outcome outcome = evaluate(1, 0, stats(Variant.CANARY, 100, 6, 40),
				stats(Variant.STABLE, 100, 6, 40));
		assertFailed(outcome, "maxErrorRate");
	}

	@Test
	void failsOnTheCanaryP99() {
		// Stable is as slow, so only the absolute ceiling is crossed.
		ReleaseAnalysis.Outcome outcome = evaluate(1, 0, stats(Variant.CANARY, 100, 0, 700),
				stats(Variant.STABLE, 100, 0, 700));
		assertFailed(outcome, "maxP99Ms");
		assertThat(check(outcome, "maxP99Ms").value()).isGreaterThan(500.0);
		assertThat(check(outcome, "maxP99Ms").limit()).isEqualTo(500.0);
	}

	@Test
	void failsOnTheErrorRateAboveTheStableTargets() {
		// 4 % is under the 5 % ceiling but 4 points above stable's 0 %.
		ReleaseAnalysis.Outcome outcome = evaluate(1, 0, stats(Variant.CANARY, 100, 4, 40),
				stats(Variant.STABLE, 100, 0, 40));
		assertFailed(outcome, "maxErrorRateDelta");
		assertThat(check(outcome, "maxErrorRateDelta").value()).isCloseTo(0.04, within(1e-9));
	}

	@Test
	void failsOnTheP99AboveTheStableTargetsTimesTheRatio() {
		// 180 ms is under the 500 ms ceiling but about 4.5 times stable's 40 ms.
		ReleaseAnalysis.Outcome outcome = evaluate(1, 0, stats(Variant.CANARY, 100, 0, 180),
				stats(Variant.STABLE, 100, 0, 40));
		assertFailed(outcome, "maxP99Ratio");
		assertThat(check(outcome, "maxP99Ratio").value()).isGreaterThan(1.5);
	}

	@Test
	void namesEveryFailedCheck() {
		ReleaseAnalysis.Outcome outcome = evaluate(1, 0, stats(Variant.CANARY, 100, 50, 2000),
				stats(Variant.STABLE, 100, 0, 40));
		assertThat(outcome.checks()).filteredOn((check) -> check.outcome() == Check.Outcome.FAIL)
			.extracting(Check::name)
			.containsExactly("maxErrorRate", "maxP99Ms", "maxErrorRateDelta", "maxP99Ratio");
	}

	@Test
	void holdsAtTheStepAfterAFailureBelowTheThreshold() {
		ReleaseAnalysis.Outcome outcome = evaluate(1, 0, stats(Variant.CANARY, 100, 20, 40),
				stats(Variant.STABLE, 100, 0, 40));
		assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
		assertThat(outcome.action()).isEqualTo(Action.HOLD);
		assertThat(outcome.stepIndex()).isEqualTo(1);
		assertThat(outcome.failureStreak()).isEqualTo(1);
		assertThat(outcome.restartsWindow()).isTrue();
	}

	@Test
	void rollsBackWhenTheFailureStreakReachesTheThreshold() {
		ReleaseAnalysis.Outcome outcome = evaluate(1, 1, stats(Variant.CANARY, 100, 20, 40),
				stats(Variant.STABLE, 100, 0, 40));
		assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
		assertThat(outcome.action()).isEqualTo(Action.ROLLBACK);
		assertThat(outcome.failureStreak()).isEqualTo(2);
	}

	@Test
	void rollsBackAtOnceWithAThresholdOfOne() {
		Analysis strict = new Analysis(0.05, 500, 0.02, 1.5, 50, 1);
		ReleaseAnalysis.Outcome outcome = ReleaseAnalysis.evaluate(strict, STEPS, 0, 0,
				stats(Variant.CANARY, 100, 20, 40), stats(Variant.STABLE, 100, 0, 40));
		assertThat(outcome.action()).isEqualTo(Action.ROLLBACK);
	}

	@Test
	void isInconclusiveAndHoldsWhenTheCanaryServedTooFewRequests() {
		// Every request failed, but 49 requests are not enough to judge.
		ReleaseAnalysis.Outcome outcome = evaluate(0, 1, stats(Variant.CANARY, 49, 49, 2000),
				stats(Variant.STABLE, 1000, 0, 40));
		assertThat(outcome.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
		assertThat(outcome.action()).isEqualTo(Action.HOLD);
		assertThat(outcome.stepIndex()).isZero();
		assertThat(outcome.failureStreak()).as("the streak is left as it was").isEqualTo(1);
		assertThat(outcome.checks()).isEmpty();
		assertThat(outcome.notes()).singleElement().asString().contains("49 requests", "minRequestsPerStep (50)");
		assertThat(outcome.restartsWindow()).as("the window keeps growing").isFalse();
		assertThat(outcome.canary().requests()).isEqualTo(49);
	}

	@Test
	void skipsTheComparisonsWhenTheStableTargetServedTooFewRequests() {
		// Canary p99 is far above stable's, but stable's 10 requests say too little.
		ReleaseAnalysis.Outcome outcome = evaluate(1, 0, stats(Variant.CANARY, 100, 0, 180),
				stats(Variant.STABLE, 10, 0, 10));
		assertThat(outcome.verdict()).isEqualTo(Verdict.PASS);
		assertThat(check(outcome, "maxErrorRateDelta").outcome()).isEqualTo(Check.Outcome.SKIPPED);
		assertThat(check(outcome, "maxP99Ratio").outcome()).isEqualTo(Check.Outcome.SKIPPED);
		assertThat(check(outcome, "maxP99Ratio").value()).isNull();
		assertThat(outcome.notes()).singleElement()
			.asString()
			.contains("stable target served 10 requests", "maxErrorRateDelta and maxP99Ratio not checked");
	}

	@Test
	void stillAppliesTheAbsoluteChecksWhenTheComparisonsAreSkipped() {
		ReleaseAnalysis.Outcome outcome = evaluate(3, 0, stats(Variant.CANARY, 100, 10, 40),
				stats(Variant.STABLE, 0, 0, 0));
		assertFailed(outcome, "maxErrorRate");
	}

	private static void assertFailed(ReleaseAnalysis.Outcome outcome, String check) {
		assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
		assertThat(outcome.checks()).filteredOn((candidate) -> candidate.outcome() == Check.Outcome.FAIL)
			.extracting(Check::name)
			.containsExactly(check);
	}

	private static Check check(ReleaseAnalysis.Outcome outcome, String name) {
		return outcome.checks()
			.stream()
			.filter((check) -> check.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No check " + name + " in " + outcome.checks()));
	}

	private static ReleaseAnalysis.Outcome evaluate(int stepIndex, int failureStreak, RouteStats canary,
			RouteStats stable) {
		return ReleaseAnalysis.evaluate(THRESHOLDS, STEPS, stepIndex, failureStreak, canary, stable);
	}

	/**
	 * Stats of the given number of requests, of which {@code errors} answered with 5xx,
	 * every one taking {@code latencyMs}.
	 */
	static RouteStats stats(Variant variant, long requests, long errors, long latencyMs) {
		LatencyHistogram latency = LatencyHistogram.empty();
		for (long i = 0; i < requests; i++) {
			latency = latency.plus(latencyMs);
		}
		return new RouteStats("release-analysis", variant, requests - errors, 0, errors, latency);
	}

}
