package dev.frontline.functions.async;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * The meters of asynchronous invocations, tagged by definition ({@code function}) but
 * never by invocation:
 * <ul>
 * <li>{@value #ATTEMPTS} (counter, {@code function}, {@code outcome}: {@code success},
 * {@code retry}, {@code failed} or {@code dead_lettered}): attempts that ended, by what
 * followed them;</li>
 * <li>{@value #INVOCATIONS} (counter, {@code function}, {@code status}:
 * {@code succeeded}, {@code failed}, {@code dead_lettered} or {@code cancelled}):
 * invocations that reached a final status;</li>
 * <li>{@value #DESTINATIONS} (counter, {@code destination}: {@code callback} or
 * {@code function}, {@code outcome}: {@code success} or {@code failure}): outcomes sent
 * to a destination;</li>
 * <li>{@value #QUEUE_DEPTH} (gauge): invocations queued or retrying;</li>
 * <li>{@value #OLDEST_AGE} (gauge, seconds): how long the longest waiting of them has
 * waited, 0 when none waits;</li>
 * <li>{@value #DEAD_LETTERS} (gauge): failed and dead-lettered invocations.</li>
 * </ul>
 * The gauges describe the whole store, which every runtime of a cluster shares, so every
 * runtime reports the same figures (aggregate them with {@code max}, not {@code sum}).
 * They are read every {@code frontline.async.statistics-interval}.
 */
class AsyncMetrics {

	static final String ATTEMPTS = "frontline.async.attempts";

	static final String INVOCATIONS = "frontline.async.invocations";

	static final String DESTINATIONS = "frontline.async.destinations";

	static final String QUEUE_DEPTH = "frontline.async.queue.depth";

	static final String OLDEST_AGE = "frontline.async.queue.oldest.age";

	static final String DEAD_LETTERS = "frontline.async.dead.letters";

	/**
	 * How many definitions are counted at most, as for synchronous calls.
	 */
	static final int MAX_FUNCTIONS = 200;

	private final MeterRegistry registry;

	private final AtomicReference<QueueStatistics> statistics = new AtomicReference<>(QueueStatistics.EMPTY);

	AsyncMetrics(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		Gauge.builder(QUEUE_DEPTH, this.statistics, (stats) -> stats.get().depth())
			.description("Asynchronous invocations queued or retrying")
			.register(registry);
		Gauge.builder(OLDEST_AGE, this.statistics, (stats) -> stats.get().oldestAgeSeconds(clock.instant()))
			.description("How long the longest waiting asynchronous invocation has waited")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder(DEAD_LETTERS, this.statistics, (stats) -> stats.get().deadLetters())
			.description("Asynchronous invocations that failed or went to the dead letters")
			.register(registry);
	}

	/**
	 * Stops counting the attempts of new definitions past {@link #MAX_FUNCTIONS}.
	 */
	static MeterFilter attemptsTagLimit() {
		return MeterFilter.maximumAllowableTags(ATTEMPTS, "function", MAX_FUNCTIONS, MeterFilter.deny());
	}

	/**
	 * Stops counting the invocations of new definitions past {@link #MAX_FUNCTIONS}.
	 */
	static MeterFilter invocationsTagLimit() {
		return MeterFilter.maximumAllowableTags(INVOCATIONS, "function", MAX_FUNCTIONS, MeterFilter.deny());
	}

	void attempt(String function, String outcome) {
		Counter.builder(ATTEMPTS)
			.description("Attempts of asynchronous invocations, by what followed them")
			.tag("function", function)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	void finished(String function, InvocationStatus status) {
		Counter.builder(INVOCATIONS)
			.description("Asynchronous invocations that reached a final status")
			.tag("function", function)
			.tag("status", status.label())
			.register(this.registry)
			.increment();
	}

	void destination(String destination, boolean delivered) {
		Counter.builder(DESTINATIONS)
			.description("Outcomes of asynchronous invocations sent to a destination")
			.tag("destination", destination)
			.tag("outcome", delivered ? "success" : "failure")
			.register(this.registry)
			.increment();
	}

	void update(QueueStatistics statistics) {
		this.statistics.set(statistics);
	}

}
