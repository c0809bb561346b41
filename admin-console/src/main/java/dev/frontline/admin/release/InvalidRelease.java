package dev.frontline.admin.release;

import java.util.List;

import dev.frontline.admin.web.Problems;
import dev.frontline.contract.FieldError;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A requested release breaks the rules for releases; nothing was started.
 */
class InvalidRelease extends ErrorResponseException {

	private final List<FieldError> errors;

	InvalidRelease(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST,
				Problems.withErrors(HttpStatus.BAD_REQUEST, "invalid-release", "Invalid release", errors), null);
		this.errors = List.copyOf(errors);
	}

	List<FieldError> getErrors() {
		return this.errors;
	}

	@Override
	public String getMessage() {
		return "Invalid release: " + this.errors;
	}

}
