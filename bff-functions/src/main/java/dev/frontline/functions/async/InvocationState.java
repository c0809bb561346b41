package dev.frontline.functions.async;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where an invocation stands, and how it got there. Each change makes a new state with
 * the next {@code version}, which the store compares so that two runtimes never both
 * apply a change to the same state.
 *
 * @param status its status
 * @param attempts the attempts started so far, 0 until the first one
 * @param version counts the changes, from 0
 * @param result the result as JSON, once it succeeded and until it expires
 * @param lastError how the latest failed attempt failed
 * @param deadLetterReason why it is among the dead letters, if it is
 * @param updatedAt when it last changed
 * @param queuedAt when it was accepted, or last redriven; its age counts from here
 * @param nextAttemptAt when its next attempt is due, while one is
 * @param finishedAt when it reached a final status
 * @param resultExpiresAt when its result stops being kept
 * @param deadLetteredAt when it went to the dead letters
 * @param redrives how often an operator redrove it
 */
record InvocationState(InvocationStatus status, int attempts, long version, @Nullable String result,
		@Nullable AttemptError lastError, @Nullable DeadLetterReason deadLetterReason, Instant updatedAt,
		Instant queuedAt, @Nullable Instant nextAttemptAt, @Nullable Instant finishedAt,
		@Nullable Instant resultExpiresAt, @Nullable Instant deadLetteredAt, int redrives) {

	static InvocationState queued(Instant now) {
		return new InvocationState(InvocationStatus.QUEUED, 0, 0, null, null, null, now, now, now, null, null, null, 0);
	}

	/**
	 * An attempt starts.
	 * @param lost how the attempt before failed without finishing, as when its runtime
	 * died; {@code null} if it finished
	 */
	InvocationState started(@Nullable AttemptError lost, Instant now) {
		return new InvocationState(InvocationStatus.RUNNING, this.attempts + 1, this.version + 1, null,
				(lost != null) ? lost : this.lastError, null, now, this.queuedAt, null, null, null, null,
				this.redrives);
	}

	InvocationState succeeded(String result, Duration resultTtl, Instant now) {
		return new InvocationState(InvocationStatus.SUCCEEDED, this.attempts, this.version + 1, result, this.lastError,
				null, now, this.queuedAt, null, now, now.plus(resultTtl), null, this.redrives);
	}

	InvocationState retrying(AttemptError error, Instant nextAttemptAt, Instant now) {
		return new InvocationState(InvocationStatus.RETRYING, this.attempts, this.version + 1, null, error, null, now,
				this.queuedAt, nextAttemptAt, null, null, null, this.redrives);
	}

	/**
	 * It goes to the dead letters: {@link InvocationStatus#FAILED} if a retry would not
	 * help, {@link InvocationStatus#DEAD_LETTERED} otherwise.
	 */
	InvocationState deadLettered(DeadLetterReason reason, @Nullable AttemptError error, Instant now) {
		InvocationStatus status = (reason == DeadLetterReason.NOT_RETRYABLE) ? InvocationStatus.FAILED
				: InvocationStatus.DEAD_LETTERED;
		return new InvocationState(status, this.attempts, this.version + 1, null,
				(error != null) ? error : this.lastError, reason, now, this.queuedAt, null, now, null, now,
				this.redrives);
	}

	InvocationState cancelled(Instant now) {
		return new InvocationState(InvocationStatus.CANCELLED, this.attempts, this.version + 1, null, this.lastError,
				null, now, this.queuedAt, null, now, null, null, this.redrives);
	}

	/**
	 * An operator queues it again: attempts and age count anew; the last error stays
	 * until an attempt replaces it.
	 */
	InvocationState redriven(Instant now) {
		return new InvocationState(InvocationStatus.QUEUED, 0, this.version + 1, null, this.lastError, null, now, now,
				now, null, null, null, this.redrives + 1);
	}

}
