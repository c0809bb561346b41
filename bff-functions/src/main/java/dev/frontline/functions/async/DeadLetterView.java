package dev.frontline.functions.async;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A dead letter as {@code GET /async/dead-letters} lists it; its input and caller are in
 * {@link InvocationRecord}.
 *
 * @param id the invocation's id
 * @param function the function definition
 * @param route the gateway route it came through, or {@code null}
 * @param status {@code failed} or {@code dead_lettered}
 * @param reason {@code not_retryable}, {@code retries_exhausted} or
 * {@code max_event_age_exceeded}
 * @param attempts the attempts it made
 * @param maxRetries how many retries its policy allows
 * @param redrives how often an operator redrove it
 * @param caller the subject of its caller
 * @param createdAt when it was accepted
 * @param deadLetteredAt when it went to the dead letters
 * @param lastError how its latest attempt failed
 */
record DeadLetterView(String id, String function, @Nullable String route, String status, @Nullable String reason,
		int attempts, int maxRetries, int redrives, String caller, Instant createdAt, @Nullable Instant deadLetteredAt,
		@Nullable AttemptError lastError) {

	static DeadLetterView of(Invocation invocation) {
		InvocationState state = invocation.state();
		return new DeadLetterView(invocation.id().toString(), invocation.function(), invocation.route(),
				state.status().label(), (state.deadLetterReason() != null) ? state.deadLetterReason().label() : null,
				state.attempts(), invocation.policy().retries(), state.redrives(), invocation.caller().subject(),
				invocation.createdAt(), state.deadLetteredAt(), state.lastError());
	}

}
