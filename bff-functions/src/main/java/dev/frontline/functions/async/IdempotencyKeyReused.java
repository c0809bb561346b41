package dev.frontline.functions.async;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpStatus;

/**
 * The caller sent an idempotency key that it used before, for the same function, with
 * another input (409): the key names the earlier invocation, which this request is not a
 * repeat of.
 */
class IdempotencyKeyReused extends FunctionProblem {

	IdempotencyKeyReused(Invocation earlier) {
		super(HttpStatus.CONFLICT, "idempotency-key-reused", "Idempotency key reused",
				"The Idempotency-Key was used for invocation " + earlier.id() + " of " + earlier.function()
						+ " with another input; use a new key for a new invocation");
		getBody().setProperty("invocation", earlier.id().toString());
	}

}
