package dev.frontline.admin.routing;

import java.util.List;

import dev.frontline.admin.web.Problems;
import dev.frontline.contract.FieldError;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A written route rule, or the snapshot it would make, breaks the config's constraints;
 * nothing was published.
 */
class InvalidRouteRule extends ErrorResponseException {

	private final List<FieldError> errors;

	InvalidRouteRule(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST,
				Problems.withErrors(HttpStatus.BAD_REQUEST, "invalid-route", "Invalid route rule", errors), null);
		this.errors = List.copyOf(errors);
	}

	List<FieldError> getErrors() {
		return this.errors;
	}

	@Override
	public String getMessage() {
		return "Invalid route rule: " + this.errors;
	}

}
