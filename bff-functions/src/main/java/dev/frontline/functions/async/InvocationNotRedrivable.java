package dev.frontline.functions.async;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpStatus;

/**
 * Only a failed or dead-lettered invocation can be redriven (409).
 */
class InvocationNotRedrivable extends FunctionProblem {

	InvocationNotRedrivable(Invocation invocation) {
		super(HttpStatus.CONFLICT, "invocation-not-redrivable", "Invocation not redrivable",
				"Invocation " + invocation.id() + " is " + invocation.state().status().label()
						+ "; only a failed or dead-lettered invocation can be redriven");
		getBody().setProperty("status", invocation.state().status().label());
	}

}
