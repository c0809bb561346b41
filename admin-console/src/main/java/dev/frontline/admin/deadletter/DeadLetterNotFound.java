package dev.frontline.admin.deadletter;

import dev.frontline.admin.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The runtime has no invocation with the requested id.
 */
class DeadLetterNotFound extends ErrorResponseException {

	DeadLetterNotFound(String runtime, String id) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "dead-letter-not-found", "Dead letter not found",
				"Function runtime " + runtime + " has no invocation with id '" + id + "'"), null);
	}

}
