package dev.frontline.gateway.ratelimit;

import java.time.Duration;

import dev.frontline.contract.RateLimitPolicy;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * The bucket one caller gets: {@code permits} tokens added evenly over each
 * {@code period}, at most {@code burst} held.
 *
 * @param burst the capacity of the bucket
 * @param permits the tokens added per period
 * @param period the refill period
 */
record Limit(long burst, long permits, Duration period) {

	/**
	 * The limit of the policy for the given client: its override if it has one.
	 */
	static Limit of(RateLimitPolicy policy, @Nullable String client) {
		return policy.overrideFor(client)
			.map((override) -> new Limit(override.burst(), override.permits(), policy.period()))
			.orElseGet(() -> new Limit(policy.burst(), policy.permits(), policy.period()));
	}

	/**
	 * What tells this limit from any other; part of each bucket key, so that a changed
	 * policy starts new buckets at once instead of reusing the old ones.
	 */
	String fingerprint() {
		return this.burst + ":" + this.permits + ":" + this.period.toMillis();
	}

	/**
	 * The period in whole seconds, at least 1.
	 */
	long periodSeconds() {
		return Math.max(1, ceilSeconds(this.period.toNanos()));
	}

	/**
	 * The time a bucket needs to refill from empty to full: a bucket left alone this long
	 * is as good as a new one.
	 */
	Duration timeToFill() {
		return this.period.multipliedBy(this.burst).dividedBy(this.permits).plusMillis(1);
	}

	BucketConfiguration configuration() {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(this.burst).refillGreedy(this.permits, this.period).build())
			.build();
	}

	static long ceilSeconds(long nanos) {
		return (nanos + 999_999_999L) / 1_000_000_000L;
	}

}
