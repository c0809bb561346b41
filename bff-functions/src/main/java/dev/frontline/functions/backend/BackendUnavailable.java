package dev.frontline.functions.backend;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpStatus;

/**
 * A backend could not be reached, or answered with an error: the function runtime is a
 * gateway that got no usable answer (502).
 */
public class BackendUnavailable extends FunctionProblem {

	BackendUnavailable(String backend, String reason) {
		super(HttpStatus.BAD_GATEWAY, "backend-unavailable", "Backend unavailable",
				"The " + backend + " backend " + reason);
	}

}
