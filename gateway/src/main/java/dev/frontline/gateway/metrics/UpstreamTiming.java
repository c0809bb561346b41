package dev.frontline.gateway.metrics;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

/**
 * The time a request spent waiting on its target, from sending it to receiving the status
 * and headers of the answer, summed over every attempt (a retried request makes several);
 * and how the last attempt ended. Attempts follow one another, possibly on other threads.
 */
final class UpstreamTiming {

	private static final String ATTRIBUTE = UpstreamTiming.class.getName();

	private volatile long waitedNanos;

	private volatile @Nullable Outcome outcome;

	private volatile boolean answered;

	/**
	 * The timing of a request, created with its first attempt.
	 */
	static UpstreamTiming of(ServerWebExchange exchange) {
		return (UpstreamTiming) exchange.getAttributes().computeIfAbsent(ATTRIBUTE, (name) -> new UpstreamTiming());
	}

	/**
	 * The timing of a request, if it was forwarded.
	 */
	static @Nullable UpstreamTiming find(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

	/**
	 * Starts timing an attempt.
	 */
	Attempt start() {
		return new Attempt(System.nanoTime());
	}

	/**
	 * The time spent waiting on the target, over every attempt.
	 */
	long waitedNanos() {
		return this.waitedNanos;
	}

	/**
	 * How the last attempt ended; {@code null} while the first is under way.
	 */
	@Nullable Outcome outcome() {
		return this.outcome;
	}

	/**
	 * Whether the last attempt received the target's answer, so that the status of the
	 * response is the target's.
	 */
	boolean answered() {
		return this.answered;
	}

	/**
	 * One attempt, which ends once: the first of its answer, its failure or its
	 * cancellation counts, whatever the operators around it signal afterwards.
	 */
	final class Attempt {

		private final long start;

		private final AtomicBoolean ended = new AtomicBoolean();

		private Attempt(long start) {
			this.start = start;
		}

		/**
		 * The attempt received the target's answer, with the given status.
		 */
		void answered(@Nullable HttpStatusCode status) {
			if (this.ended.compareAndSet(false, true)) {
				end(true, Outcome.ofTarget((status != null) ? status.value() : 200));
			}
		}

		/**
		 * The attempt ended without an answer of the target: it failed, timed out, or was
		 * given up on.
		 */
		void failed(Outcome outcome) {
			if (this.ended.compareAndSet(false, true)) {
				end(false, outcome);
			}
		}

		private void end(boolean answered, Outcome outcome) {
			UpstreamTiming.this.waitedNanos += System.nanoTime() - this.start;
			UpstreamTiming.this.answered = answered;
			UpstreamTiming.this.outcome = outcome;
		}

	}

}
