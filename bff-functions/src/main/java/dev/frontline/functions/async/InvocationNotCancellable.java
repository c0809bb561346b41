package dev.frontline.functions.async;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpStatus;

/**
 * Only an invocation that is queued, or waiting between attempts, can be cancelled (409):
 * an attempt is running, or the invocation is over.
 */
class InvocationNotCancellable extends FunctionProblem {

	InvocationNotCancellable(Invocation invocation) {
		super(HttpStatus.CONFLICT, "invocation-not-cancellable", "Invocation not cancellable",
				"Invocation " + invocation.id() + " is " + invocation.state().status().label()
						+ "; only a queued or retrying invocation can be cancelled");
		getBody().setProperty("status", invocation.state().status().label());
	}

}
