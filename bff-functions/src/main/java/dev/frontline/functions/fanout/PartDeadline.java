package dev.frontline.functions.fanout;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The time a part of a {@link FanOut} may take, as the calls the part makes find it in
 * their Reactor context. When the time is up, the part's {@link Branch} says so
 * ({@link #whenPassed()}) before it stops waiting for its call, so that a call still in
 * flight can end itself as timed out. Otherwise all the call would learn is that it was
 * cancelled, which tells nothing about the backend behind it: the backend clients end
 * such a call as timed out, and the backend's circuit breaker counts it as failed, as it
 * counts a call that outlasts the backend's own timeout. A slow backend behind an
 * optional part thus opens its circuit even when the part's timeout is shorter than the
 * backend's.
 * <p>
 * A fan-out in a part of another fan-out gives its calls the earlier of the two
 * deadlines.
 */
public final class PartDeadline {

	// Private, so that only this type puts its instances in a context.
	private static final Object CONTEXT_KEY = new Object();

	private final String part;

	private final Duration limit;

	private final @Nullable PartDeadline enclosing;

	private final Sinks.One<PartDeadline> passed = Sinks.one();

	private volatile boolean hasPassed;

	PartDeadline(String part, Duration limit, @Nullable PartDeadline enclosing) {
		this.part = part;
		this.limit = limit;
		this.enclosing = enclosing;
	}

	/**
	 * The deadline of the fan-out part a call is made for.
	 * @param context the call's Reactor context
	 * @return the deadline, empty when the call is not made for a part of a fan-out
	 */
	public static Optional<PartDeadline> current(ContextView context) {
		return context.getOrEmpty(CONTEXT_KEY);
	}

	/**
	 * The deadline, in the context of a call made for a part, of a part with its own
	 * deadline.
	 */
	static PartDeadline start(ContextView context, String part, Duration limit) {
		return new PartDeadline(part, limit, current(context).orElse(null));
	}

	/**
	 * The name of the part.
	 * @return the name
	 */
	public String part() {
		return this.part;
	}

	/**
	 * How long the part may take.
	 * @return the part's timeout, or the fan-out's deadline if that is shorter
	 */
	public Duration limit() {
		return this.limit;
	}

	/**
	 * Whether the time of the part, or of a part enclosing it, is up.
	 * @return {@code true} once the part no longer waits for its calls
	 */
	public boolean hasPassed() {
		return this.hasPassed || (this.enclosing != null && this.enclosing.hasPassed());
	}

	/**
	 * Signals when the time of the part, or of a part enclosing it, is up; a subscriber
	 * is told before the part stops waiting for its calls, on the thread of the part's
	 * timer.
	 * @return the deadline that passed, this one or that of an enclosing part; emitted at
	 * once when it already passed
	 */
	public Mono<PartDeadline> whenPassed() {
		Mono<PartDeadline> own = this.passed.asMono();
		return (this.enclosing != null) ? Mono.firstWithValue(own, this.enclosing.whenPassed()) : own;
	}

	/**
	 * A context with this, for {@code contextWrite}.
	 */
	Context asContext() {
		return Context.of(CONTEXT_KEY, this);
	}

	/**
	 * Whether the time of this part itself is up, whatever its enclosing parts.
	 */
	boolean hasPassedItself() {
		return this.hasPassed;
	}

	/**
	 * The part's time is up: tells its calls.
	 */
	void pass() {
		this.hasPassed = true;
		this.passed.tryEmitValue(this);
	}

	@Override
	public String toString() {
		return "PartDeadline[part=" + this.part + ", limit=" + this.limit.toMillis() + " ms]";
	}

}
