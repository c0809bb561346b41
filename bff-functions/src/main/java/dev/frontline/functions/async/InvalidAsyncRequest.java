package dev.frontline.functions.async;

import java.util.List;

import dev.frontline.contract.FieldError;
import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpStatus;

/**
 * A header of an asynchronous request is wrong (400): the policy in
 * {@code X-Frontline-Async-Policy}, the {@code Idempotency-Key}, the route or the
 * trigger. Names every field at fault; the fields of the policy are prefixed
 * {@code policy.}.
 */
class InvalidAsyncRequest extends FunctionProblem {

	InvalidAsyncRequest(String detail, List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, "invalid-async-request", "Invalid asynchronous request", detail);
		if (!errors.isEmpty()) {
			getBody().setProperty("errors", errors);
		}
	}

	static InvalidAsyncRequest of(FieldError error) {
		return new InvalidAsyncRequest(error.field() + " " + error.message(), List.of(error));
	}

}
