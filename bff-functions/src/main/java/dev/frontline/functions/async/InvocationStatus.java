package dev.frontline.functions.async;

import java.util.Set;

/**
 * Where an asynchronous invocation stands. It starts {@link #QUEUED}, is {@link #RUNNING}
 * during each attempt and {@link #RETRYING} between attempts, and ends
 * {@link #SUCCEEDED}, {@link #FAILED}, {@link #DEAD_LETTERED} or {@link #CANCELLED}. An
 * operator can redrive a failed or dead-lettered one, which queues it again.
 */
enum InvocationStatus {

	/**
	 * Accepted, waiting for its first attempt.
	 */
	QUEUED("queued"),

	/**
	 * An attempt is running.
	 */
	RUNNING("running"),

	/**
	 * An attempt failed in a way that may pass; the next one is due at
	 * {@code nextAttemptAt}.
	 */
	RETRYING("retrying"),

	/**
	 * An attempt succeeded; the result is kept until {@code resultExpiresAt}.
	 */
	SUCCEEDED("succeeded"),

	/**
	 * An attempt failed in a way that a retry would not mend, such as bad input (a 4xx
	 * problem); listed with the dead letters.
	 */
	FAILED("failed"),

	/**
	 * Every attempt failed, or the invocation grew older than its maximum event age.
	 */
	DEAD_LETTERED("dead_lettered"),

	/**
	 * Its caller cancelled it before it ran, or between attempts.
	 */
	CANCELLED("cancelled");

	/**
	 * The statuses of invocations still to be attempted.
	 */
	static final Set<InvocationStatus> WAITING = Set.of(QUEUED, RETRYING);

	/**
	 * The statuses of the dead letters, which operators can redrive.
	 */
	static final Set<InvocationStatus> DEAD_LETTERS = Set.of(FAILED, DEAD_LETTERED);

	private final String label;

	InvocationStatus(String label) {
		this.label = label;
	}

	/**
	 * The status as stored and in JSON.
	 * @return such as {@code dead_lettered}
	 */
	String label() {
		return this.label;
	}

	/**
	 * Whether the invocation is over: no attempt will follow unless an operator redrives
	 * it.
	 * @return {@code true} for a final status
	 */
	boolean isFinal() {
		return this == SUCCEEDED || this == FAILED || this == DEAD_LETTERED || this == CANCELLED;
	}

	static InvocationStatus ofLabel(String label) {
		for (InvocationStatus status : values()) {
			if (status.label.equals(label)) {
				return status;
			}
		}
		throw new IllegalArgumentException("No invocation status '" + label + "'");
	}

}
