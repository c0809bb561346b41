package dev.frontline.functions.async;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An invocation as its caller sees it: the answer to {@code POST /async/{definition}}
 * (202) and {@code GET /async/invocations/{id}}.
 *
 * @param id its id
 * @param function the function definition, as {@code homePage,mobileView}
 * @param route the gateway route it came through, or {@code null}
 * @param status {@code queued}, {@code running}, {@code retrying}, {@code succeeded},
 * {@code failed}, {@code dead_lettered} or {@code cancelled}
 * @param attempts the attempts started so far
 * @param maxRetries how many retries its policy allows after the first attempt
 * @param createdAt when it was accepted
 * @param updatedAt when its state last changed
 * @param nextAttemptAt when its next attempt is due, while one is
 * @param finishedAt when it reached a final status
 * @param resultExpiresAt until when its result is kept
 * @param result what the function answered, once it succeeded and until
 * {@code resultExpiresAt}
 * @param lastError how the latest failed attempt failed
 */
record InvocationView(String id, String function, @Nullable String route, String status, int attempts, int maxRetries,
		Instant createdAt, Instant updatedAt, @Nullable Instant nextAttemptAt, @Nullable Instant finishedAt,
		@Nullable Instant resultExpiresAt, @Nullable JsonNode result, @Nullable AttemptError lastError) {

	static InvocationView of(Invocation invocation, Instant now, JsonMapper json) {
		InvocationState state = invocation.state();
		String result = invocation.result(now);
		return new InvocationView(invocation.id().toString(), invocation.function(), invocation.route(),
				state.status().label(), state.attempts(), invocation.policy().retries(), invocation.createdAt(),
				state.updatedAt(), state.nextAttemptAt(), state.finishedAt(), state.resultExpiresAt(),
				(result != null) ? json.readTree(result) : null, state.lastError());
	}

}
