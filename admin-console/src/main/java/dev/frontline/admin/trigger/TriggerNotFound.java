package dev.frontline.admin.trigger;

import dev.frontline.admin.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * No timer trigger has the requested id.
 */
class TriggerNotFound extends ErrorResponseException {

	TriggerNotFound(String id) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "trigger-not-found", "Timer trigger not found",
				"No timer trigger with id '" + id + "'"), null);
	}

}
