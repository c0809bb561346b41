package dev.frontline.functions.async;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The queue of the store, as the gauges show it.
 *
 * @param depth the invocations waiting for an attempt: queued or retrying
 * @param oldestQueuedAt when the longest waiting of them was queued; {@code null} when
 * none waits
 * @param deadLetters the invocations among the dead letters: failed or dead-lettered
 */
record QueueStatistics(long depth, @Nullable Instant oldestQueuedAt, long deadLetters) {

	static final QueueStatistics EMPTY = new QueueStatistics(0, null, 0);

	/**
	 * How long the longest waiting invocation has waited.
	 * @return the age in seconds, 0 when none waits
	 */
	double oldestAgeSeconds(Instant now) {
		if (this.oldestQueuedAt == null || !now.isAfter(this.oldestQueuedAt)) {
			return 0;
		}
		return Duration.between(this.oldestQueuedAt, now).toMillis() / 1000.0;
	}

}
