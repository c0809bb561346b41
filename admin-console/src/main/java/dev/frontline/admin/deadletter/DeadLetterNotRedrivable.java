package dev.frontline.admin.deadletter;

import dev.frontline.admin.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The invocation is not a dead letter (any more): it is queued, running or succeeded, so
 * the runtime refuses to queue it again.
 */
class DeadLetterNotRedrivable extends ErrorResponseException {

	DeadLetterNotRedrivable(String runtime, String id, String reason) {
		super(HttpStatus.CONFLICT,
				Problems.of(HttpStatus.CONFLICT, "dead-letter-not-redrivable", "Dead letter not redrivable",
						"Function runtime " + runtime + " refused to redrive invocation '" + id + "': " + reason),
				null);
	}

}
