package dev.frontline.functions.fanout;

import java.time.Duration;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpStatus;

/**
 * A part of a fan-out did not arrive within its timeout or the fan-out's deadline (504
 * when the part is required).
 */
class PartTimedOut extends FunctionProblem {

	PartTimedOut(String part, Duration limit) {
		super(HttpStatus.GATEWAY_TIMEOUT, "part-timeout", "Part timed out",
				"The " + part + " part did not arrive within " + limit.toMillis() + " ms");
	}

}
