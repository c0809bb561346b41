package dev.frontline.functions.storefront;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpStatus;

/**
 * The operator switched on {@code frontline.demo.fail}, so the home page fails on purpose
 * (503).
 */
class DemoFailureSwitchedOn extends FunctionProblem {

	DemoFailureSwitchedOn() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "demo-failure", "Demo failure",
				"The home page fails on purpose while frontline.demo.fail is on");
	}

}
