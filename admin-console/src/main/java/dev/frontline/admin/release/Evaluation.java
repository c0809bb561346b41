package dev.frontline.admin.release;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.frontline.contract.RouteStats;
import org.jspecify.annotations.Nullable;

/**
 * One automated evaluation of a release: the canary and the stable target compared over
 * the same window, and what followed.
 *
 * @param id the evaluation's id
 * @param releaseId the release evaluated
 * @param at when it was made
 * @param stepIndex the index of the step judged, into the release's steps
 * @param weight the canary's weight during that step
 * @param windowStart the start of the stats window, inclusive: when the step started, or
 * the previous conclusive evaluation of the step if that was later
 * @param windowEnd the end of the stats window, exclusive: when the evaluation was made
 * @param verdict what the figures say
 * @param action what the release did about it
 * @param failureStreak failed evaluations in a row, this one included
 * @param canary what the canary served in the window
 * @param stable what the stable target served in the window
 * @param thresholds the thresholds applied
 * @param checks each check, in a fixed order, with its outcome
 * @param notes why checks were skipped or the verdict is inconclusive
 */
record Evaluation(long id, long releaseId, Instant at, int stepIndex, int weight, Instant windowStart,
		Instant windowEnd, Verdict verdict, Action action, int failureStreak, Figures canary, Figures stable,
		Analysis thresholds, List<Check> checks, List<String> notes) {

	/**
	 * The names of the checks that failed.
	 */
	@JsonProperty("failedChecks")
	List<String> failedChecks() {
		return this.checks.stream().filter((check) -> check.outcome() == Check.Outcome.FAIL).map(Check::name).toList();
	}

	/** What the figures of one window say about the canary. */
	enum Verdict {

		/** Every check passed. */
		PASS,

		/** At least one check failed. */
		FAIL,

		/** The canary served too few requests to judge it. */
		INCONCLUSIVE;

		@JsonValue
		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** What a release does after an evaluation. */
	enum Action {

		/** Moves to the next step's weight. */
		ADVANCE,

		/** Makes the canary the route's stable target: the last step passed. */
		PROMOTE,

		/** Sets the canary's weight to 0: too many evaluations in a row failed. */
		ROLLBACK,

		/** Stays at its step and evaluates again after the interval. */
		HOLD;

		@JsonValue
		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * What one side served in a window, summed over all gateways.
	 *
	 * @param requests requests served
	 * @param errors requests answered with 5xx
	 * @param errorRate share of requests answered with 5xx, 0 without requests
	 * @param p99Ms estimated 99th percentile latency in milliseconds, 0 without requests
	 */
	record Figures(long requests, long errors, double errorRate, double p99Ms) {

		static Figures of(RouteStats stats) {
			return new Figures(stats.requests(), stats.status5xx(), stats.errorRate(),
					stats.latency().percentileMillis(0.99));
		}

	}

	/**
	 * One check of an evaluation, named after its threshold.
	 *
	 * @param name the threshold checked: {@code maxErrorRate}, {@code maxP99Ms},
	 * {@code maxErrorRateDelta} or {@code maxP99Ratio}
	 * @param value the canary's figure: its error rate, its p99 in milliseconds, its
	 * error rate minus the stable target's, or its p99 divided by the stable target's;
	 * {@code null} when skipped
	 * @param limit the highest value that passes
	 * @param outcome whether it passed
	 */
	record Check(String name, @Nullable Double value, double limit, Outcome outcome) {

		static Check atMost(String name, double value, double limit) {
			return new Check(name, value, limit, (value <= limit) ? Outcome.PASS : Outcome.FAIL);
		}

		static Check skipped(String name, double limit) {
			return new Check(name, null, limit, Outcome.SKIPPED);
		}

		/** How a check ended. */
		enum Outcome {

			/** The value is within the limit. */
			PASS,

			/** The value exceeds the limit. */
			FAIL,

			/** Not checked: the stable target served too few requests to compare with. */
			SKIPPED;

			@JsonValue
			String label() {
				return name().toLowerCase(Locale.ROOT);
			}

		}

	}

}
