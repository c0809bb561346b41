package dev.frontline.functions.fanout;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpStatus;

/**
 * A required part of a fan-out answered nothing, as a backend does about an entity it
 * does not know (404).
 */
class PartNotFound extends FunctionProblem {

	PartNotFound(String part) {
		super(HttpStatus.NOT_FOUND, "part-not-found", "Part not found", "The " + part + " part found nothing");
	}

}
