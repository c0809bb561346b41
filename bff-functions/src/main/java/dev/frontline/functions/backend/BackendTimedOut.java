package dev.frontline.functions.backend;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpStatus;

/**
 * A backend did not answer, or accept a connection, within its timeout (504).
 */
public class BackendTimedOut extends FunctionProblem {

	BackendTimedOut(String backend, String what) {
		super(HttpStatus.GATEWAY_TIMEOUT, "backend-timeout", "Backend timed out",
				"The " + backend + " backend " + what);
	}

}
