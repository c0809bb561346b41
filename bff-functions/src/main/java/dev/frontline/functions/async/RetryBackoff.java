package dev.frontline.functions.async;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import org.jspecify.annotations.Nullable;

/**
 * How long an invocation waits before a retry: the base wait, doubled for each further
 * retry up to a cap, spread by ±20 % so that invocations that failed together do not all
 * come back at once, and never shorter than a {@code Retry-After} the failure carried.
 */
class RetryBackoff {

	private static final double JITTER = 0.2;

	private final Duration base;

	private final Duration cap;

	private final DoubleSupplier random;

	RetryBackoff(Duration base, Duration cap) {
		this(base, cap, () -> ThreadLocalRandom.current().nextDouble());
	}

	/**
	 * @param random numbers from 0 (inclusive) to 1 (exclusive)
	 */
	RetryBackoff(Duration base, Duration cap, DoubleSupplier random) {
		this.base = base;
		this.cap = cap;
		this.random = random;
	}

	/**
	 * The wait before a retry.
	 * @param retry which retry, from 1 for the second attempt
	 * @param retryAfter how long the failure asked to wait, or {@code null}
	 * @return the wait
	 */
	Duration delay(int retry, @Nullable Duration retryAfter) {
		double doubled = this.base.toMillis() * Math.pow(2, Math.min(Math.max(retry, 1) - 1, 40));
		double capped = Math.min(doubled, this.cap.toMillis());
		double jittered = capped * (1 - JITTER + 2 * JITTER * this.random.getAsDouble());
		// Capped again, so that the cap holds; the invocations at the cap still spread
		// over its last fifth.
		Duration delay = Duration.ofMillis(Math.round(Math.min(jittered, this.cap.toMillis())));
		return (retryAfter != null && retryAfter.compareTo(delay) > 0) ? retryAfter : delay;
	}

}
