package dev.frontline.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * What a bucket decided about one request.
 *
 * @param outcome whether the request may pass
 * @param remaining the tokens left in the bucket
 * @param nanosToRefill the time until the next token, when rejected; 0 otherwise
 * @param nanosToReset the time until the bucket is full again
 * @param degraded whether the shared bucket could not be reached, so that the decision
 * was taken without it
 */
record Decision(Outcome outcome, long remaining, long nanosToRefill, long nanosToReset, boolean degraded) {

	/**
	 * The decision while the shared buckets cannot be reached and the policy is to fail.
	 */
	static final Decision UNAVAILABLE = new Decision(Outcome.UNAVAILABLE, 0, 0, 0, true);

	static Decision of(ConsumptionProbe probe, boolean degraded) {
		return new Decision(probe.isConsumed() ? Outcome.ALLOWED : Outcome.REJECTED, probe.getRemainingTokens(),
				probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill(), probe.getNanosToWaitForReset(), degraded);
	}

	Decision degrade() {
		return new Decision(this.outcome, this.remaining, this.nanosToRefill, this.nanosToReset, true);
	}

	/** Whether a request may pass. */
	enum Outcome {

		ALLOWED, REJECTED, UNAVAILABLE

	}

}
