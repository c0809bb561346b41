package dev.frontline.admin.deadletter;

import java.util.List;

import dev.frontline.admin.web.Problems;
import dev.frontline.contract.FieldError;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A parameter of a dead-letter request is wrong, such as a runtime that is not
 * configured; the field names the parameter.
 */
class InvalidDeadLetterRequest extends ErrorResponseException {

	private final FieldError error;

	InvalidDeadLetterRequest(FieldError error) {
		super(HttpStatus.BAD_REQUEST,
				Problems.withErrors(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", List.of(error)),
				null);
		this.error = error;
	}

	FieldError getError() {
		return this.error;
	}

}
