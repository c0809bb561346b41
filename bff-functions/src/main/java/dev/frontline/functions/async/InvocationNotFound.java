package dev.frontline.functions.async;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpStatus;

/**
 * No invocation has the id, or the caller did not ask for it (404): callers learn nothing
 * of the invocations of others.
 */
class InvocationNotFound extends FunctionProblem {

	InvocationNotFound(String id) {
		super(HttpStatus.NOT_FOUND, "invocation-not-found", "Invocation not found", "No invocation '" + id + "'");
	}

}
