package dev.frontline.functions.backend;

import java.time.Duration;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpStatus;

/**
 * A backend did not answer within its timeout (504).
 */
public class BackendTimedOut extends FunctionProblem {

	BackendTimedOut(String backend, Duration timeout) {
		super(HttpStatus.GATEWAY_TIMEOUT, "backend-timeout", "Backend timed out",
				"The " + backend + " backend did not answer within " + timeout.toMillis() + " ms");
	}

}
