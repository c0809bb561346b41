package dev.frontline.admin.trigger;

import java.util.List;
import java.util.Map;

import dev.frontline.admin.runtime.FunctionRuntimes;
import dev.frontline.admin.runtime.RuntimeAnswer;
import dev.frontline.admin.runtime.RuntimeUnreachable;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

/**
 * The trigger endpoint of function runtimes, {@code POST /async/triggers/{definition}},
 * which accepts a firing as an asynchronous invocation (202). The firing's
 * {@code Idempotency-Key} makes a repeated post answer the invocation the first one
 * created, so that a post retried after a timeout or a crash never runs the function
 * twice.
 */
class TriggerEndpoint {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String TRIGGER = "X-Frontline-Trigger";

	private final FunctionRuntimes runtimes;

	TriggerEndpoint(FunctionRuntimes runtimes) {
		this.runtimes = runtimes;
	}

	/**
	 * Posts a firing to its runtime.
	 */
	Outcome post(Firing firing) {
		RuntimeAnswer answer;
		try {
			answer = this.runtimes.call(HttpMethod.POST, firing.runtime(),
					List.of("async", "triggers", firing.function()), Map.of(),
					Map.of(IDEMPOTENCY_KEY, firing.idempotencyKey(), TRIGGER, firing.triggerId()), firing.payload());
		}
		catch (RuntimeUnreachable ex) {
			return Outcome.retry(ex.getMessage());
		}
		if (answer.successful()) {
			try {
				JsonNode invocation = answer.json();
				String id = text(invocation, "id");
				if (id != null) {
					return new Outcome(Outcome.Kind.ACCEPTED, id, text(invocation, "status"), null);
				}
			}
			catch (RuntimeUnreachable ex) {
				// Reported below.
			}
			return Outcome.retry("Function runtime " + firing.runtime() + " answered " + answer.status()
					+ " without the invocation's id");
		}
		String error = "Function runtime " + firing.runtime() + " refused the firing: " + answer.problem();
		int status = answer.status();
		// A 4xx will be answered again, but a timeout, a throttle or a 5xx may pass.
		boolean transientFailure = status >= 500 || status == 408 || status == 429;
		return transientFailure ? Outcome.retry(error) : new Outcome(Outcome.Kind.REFUSED, null, null, error);
	}

	private static @Nullable String text(JsonNode json, String field) {
		JsonNode value = json.get(field);
		return (value != null && value.isValueNode() && !value.isNull()) ? value.asString() : null;
	}

	/**
	 * What came of a post.
	 *
	 * @param kind whether it was accepted, or failed for good or for now
	 * @param invocationId the accepted invocation's id
	 * @param invocationStatus its status, such as {@code queued}
	 * @param error why it failed
	 */
	record Outcome(Kind kind, @Nullable String invocationId, @Nullable String invocationStatus,
			@Nullable String error) {

		static Outcome retry(String error) {
			return new Outcome(Kind.FAILED, null, null, error);
		}

		enum Kind {

			/** The runtime accepted it. */
			ACCEPTED,

			/** The runtime refused it, as it would again. */
			REFUSED,

			/** It may pass if tried again. */
			FAILED

		}

	}

}
