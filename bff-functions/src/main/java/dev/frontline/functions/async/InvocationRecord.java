package dev.frontline.functions.async;

import java.time.Instant;
import java.util.List;

import dev.frontline.contract.AsyncPolicy;
import dev.frontline.functions.identity.Caller;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything stored about an invocation, for operators: {@code GET
 * /async/dead-letters/{id}}.
 *
 * @param id its id
 * @param function the function definition
 * @param route the gateway route it came through, or {@code null}
 * @param status its status
 * @param reason why it is among the dead letters, if it is: {@code not_retryable},
 * {@code retries_exhausted} or {@code max_event_age_exceeded}
 * @param attempts the attempts started since it was last queued
 * @param maxRetries how many retries its policy allows
 * @param redrives how often an operator redrove it
 * @param caller who asked for it, as the passport of the request named them
 * @param idempotencyKey the caller's key for it, or {@code null}
 * @param policy its policy
 * @param input the function's input
 * @param result the result, while it is kept
 * @param createdAt when it was accepted
 * @param updatedAt when its state last changed
 * @param queuedAt when it was last queued: accepted, or redriven
 * @param nextAttemptAt when its next attempt is due, while one is
 * @param finishedAt when it reached a final status
 * @param deadLetteredAt when it went to the dead letters
 * @param lastError how its latest failed attempt failed
 */
record InvocationRecord(String id, String function, @Nullable String route, String status, @Nullable String reason,
		int attempts, int maxRetries, int redrives, CallerView caller, @Nullable String idempotencyKey,
		AsyncPolicy policy, JsonNode input, @Nullable JsonNode result, Instant createdAt, Instant updatedAt,
		Instant queuedAt, @Nullable Instant nextAttemptAt, @Nullable Instant finishedAt,
		@Nullable Instant deadLetteredAt, @Nullable AttemptError lastError) {

	static InvocationRecord of(Invocation invocation, Instant now, JsonMapper json) {
		InvocationState state = invocation.state();
		String result = invocation.result(now);
		return new InvocationRecord(invocation.id().toString(), invocation.function(), invocation.route(),
				state.status().label(), (state.deadLetterReason() != null) ? state.deadLetterReason().label() : null,
				state.attempts(), invocation.policy().retries(), state.redrives(), CallerView.of(invocation.caller()),
				invocation.idempotencyKey(), invocation.policy(), json.readTree(invocation.input()),
				(result != null) ? json.readTree(result) : null, invocation.createdAt(), state.updatedAt(),
				state.queuedAt(), state.nextAttemptAt(), state.finishedAt(), state.deadLetteredAt(), state.lastError());
	}

	/**
	 * The caller of an invocation.
	 *
	 * @param subject the user, API key client, {@code anonymous} or
	 * {@code timer:<trigger id>}
	 * @param scopes the scopes granted
	 * @param clientId the client application, if known
	 * @param authMethod {@code jwt}, {@code api-key}, {@code anonymous} or {@code timer}
	 * @param requestId the id of the request that asked for the invocation
	 * @param gatewayId the gateway that forwarded it
	 */
	record CallerView(String subject, List<String> scopes, @Nullable String clientId, String authMethod,
			String requestId, String gatewayId) {

		static CallerView of(Caller caller) {
			return new CallerView(caller.subject(), List.copyOf(caller.scopes()), caller.clientId(),
					caller.authMethod().claim(), caller.requestId(), caller.gatewayId());
		}

	}

}
