package dev.frontline.admin.trigger;

import java.util.List;

import dev.frontline.admin.web.Problems;
import dev.frontline.contract.FieldError;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A written timer trigger is not valid; nothing was stored.
 */
class InvalidTrigger extends ErrorResponseException {

	private final List<FieldError> errors;

	InvalidTrigger(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST,
				Problems.withErrors(HttpStatus.BAD_REQUEST, "invalid-trigger", "Invalid timer trigger", errors), null);
		this.errors = List.copyOf(errors);
	}

	List<FieldError> getErrors() {
		return this.errors;
	}

	@Override
	public String getMessage() {
		return "Invalid timer trigger: " + this.errors;
	}

}
