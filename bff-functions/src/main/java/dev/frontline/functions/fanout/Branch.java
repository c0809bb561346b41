package dev.frontline.functions.fanout;

import java.time.Duration;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One part of a {@link FanOut}: a named call, required or optional. A required part that
 * fails fails the whole answer with its error; an optional part that fails, answers
 * nothing or takes longer than its timeout is replaced by its fallback and named as
 * missing. The call finds the part's {@link PartDeadline} in its Reactor context: a
 * backend client's call still in flight when the part's time is up ends as timed out, and
 * counts as failed in the backend's circuit breaker.
 *
 * @param <T> what the call answers
 */
public final class Branch<T> {

	private static final Log logger = LogFactory.getLog(Branch.class);

	private final String name;

	private final Mono<T> call;

	private final @Nullable T fallback;

	private final @Nullable Duration timeout;

	private Branch(String name, Mono<T> call, @Nullable T fallback, @Nullable Duration timeout) {
		if (name.isBlank()) {
			throw new IllegalArgumentException("A branch needs a name");
		}
		if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
			throw new IllegalArgumentException("The timeout of branch '" + name + "' must be positive");
		}
		this.name = name;
		this.call = Objects.requireNonNull(call, "call");
		this.fallback = fallback;
		this.timeout = timeout;
	}

	/**
	 * A part the answer cannot do without.
	 * @param <T> what the call answers
	 * @param name the part's name, unique within its fan-out
	 * @param call the call, not yet subscribed to
	 * @return the branch; its timeout is the fan-out's deadline
	 */
	public static <T> Branch<T> required(String name, Mono<T> call) {
		return new Branch<>(name, call, null, null);
	}

	/**
	 * A part the answer can do without.
	 * @param <T> what the call answers
	 * @param name the part's name, unique within its fan-out; the answer names it when it
	 * is missing
	 * @param call the call, not yet subscribed to
	 * @param fallback what stands in for the part when it is missing, such as an empty
	 * list
	 * @return the branch; its timeout is the fan-out's deadline
	 */
	public static <T> Branch<T> optional(String name, Mono<T> call, T fallback) {
		return new Branch<>(name, call, Objects.requireNonNull(fallback, "fallback"), null);
	}

	/**
	 * This branch with its own timeout, shorter than the fan-out's deadline: a slow
	 * optional part should not hold the whole answer back.
	 * @param timeout how long the part may take; default the fan-out's deadline
	 * @return a new branch
	 */
	public Branch<T> timeout(Duration timeout) {
		return new Branch<>(this.name, this.call, this.fallback, Objects.requireNonNull(timeout, "timeout"));
	}

	/**
	 * The part's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Whether the answer fails when this part fails.
	 * @return {@code true} for a required part
	 */
	public boolean isRequired() {
		return this.fallback == null;
	}

	/**
	 * Runs the call, never past the deadline. The call finds the part's
	 * {@link PartDeadline} in its context, and is told when the time is up before it is
	 * cancelled; whatever it ends with from then on, the part timed out.
	 */
	Mono<Arrival> run(Duration deadline) {
		Duration limit = (this.timeout != null && this.timeout.compareTo(deadline) < 0) ? this.timeout : deadline;
		Mono<T> bounded = Mono.deferContextual((context) -> {
			PartDeadline part = PartDeadline.start(context, this.name, limit);
			Mono<Long> timer = Mono.delay(limit).doOnNext((tick) -> part.pass());
			return this.call.contextWrite(part.asContext())
				.timeout(timer, Mono.error(() -> new PartTimedOut(this.name, limit)))
				.onErrorMap((ex) -> part.hasPassedItself() && !(ex instanceof PartTimedOut),
						(ex) -> new PartTimedOut(this.name, limit));
		});
		T stand = this.fallback;
		if (stand == null) {
			return bounded.switchIfEmpty(Mono.error(() -> new PartNotFound(this.name)))
				.map((value) -> new Arrival(this.name, value, false));
		}
		return bounded.map((value) -> new Arrival(this.name, value, false))
			.switchIfEmpty(Mono.fromSupplier(() -> missing(stand, "it answered nothing")))
			.onErrorResume((ex) -> Mono.just(missing(stand, String.valueOf(ex.getMessage()))));
	}

	// A missing part is worth a line in the log, not a stack trace: the answer still
	// went out.
	private Arrival missing(T stand, String reason) {
		if (logger.isWarnEnabled()) {
			logger.warn("Answering without the optional part '" + this.name + "': " + reason);
		}
		return new Arrival(this.name, stand, true);
	}

	/**
	 * What a branch brought: its value, or its fallback when it is missing.
	 */
	record Arrival(String name, Object value, boolean missing) {

	}

}
