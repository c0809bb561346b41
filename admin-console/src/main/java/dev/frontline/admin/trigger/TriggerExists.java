package dev.frontline.admin.trigger;

import dev.frontline.admin.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A timer trigger was created with the id of one that exists already.
 */
class TriggerExists extends ErrorResponseException {

	TriggerExists(String id) {
		super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "trigger-exists", "Timer trigger exists",
				"A timer trigger with id '" + id + "' exists already; change it with PUT /api/v1/triggers/" + id),
				null);
	}

}
