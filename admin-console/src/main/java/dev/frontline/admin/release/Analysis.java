package dev.frontline.admin.release;

/**
 * The thresholds evaluations judge a release's canary against.
 *
 * @param maxErrorRate highest share of canary requests answered with 5xx, 0 to 1; default
 * 0.05
 * @param maxP99Ms highest p99 latency of the canary in milliseconds; default 500
 * @param maxErrorRateDelta highest excess of the canary's error rate over the stable
 * target's, 0 to 1; default 0.02
 * @param maxP99Ratio highest ratio of the canary's p99 latency to the stable target's;
 * default 1.5
 * @param minRequestsPerStep fewest requests a side must serve in a window for it to be
 * judged: fewer canary requests make an evaluation inconclusive, fewer stable requests
 * skip the comparisons with the stable target; default 50
 * @param failureThreshold failed evaluations in a row that roll the release back; default
 * 2
 */
record Analysis(double maxErrorRate, double maxP99Ms, double maxErrorRateDelta, double maxP99Ratio,
		long minRequestsPerStep, int failureThreshold) {

	/** The thresholds of a release that names none. */
	static final Analysis DEFAULTS = new Analysis(0.05, 500, 0.02, 1.5, 50, 2);

}
