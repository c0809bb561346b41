package dev.frontline.admin.audit;

import java.util.List;

import dev.frontline.admin.web.Problems;
import dev.frontline.contract.FieldError;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A filter of the audit query cannot be understood; the fields name the parameters.
 */
class InvalidAuditQuery extends ErrorResponseException {

	private final List<FieldError> errors;

	InvalidAuditQuery(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST,
				Problems.withErrors(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", errors), null);
		this.errors = List.copyOf(errors);
	}

	List<FieldError> getErrors() {
		return this.errors;
	}

}
