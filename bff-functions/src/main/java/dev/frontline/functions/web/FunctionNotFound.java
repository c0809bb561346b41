package dev.frontline.functions.web;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpStatus;

/**
 * A path that names no published function (404).
 */
class FunctionNotFound extends FunctionProblem {

	FunctionNotFound(String detail) {
		super(HttpStatus.NOT_FOUND, "function-not-found", "Function not found", detail);
	}

}
