package dev.frontline.admin.ratelimit;

import java.util.List;

import dev.frontline.admin.web.Problems;
import dev.frontline.contract.FieldError;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A written rate limit policy breaks the config's constraints; nothing was published.
 */
class InvalidRateLimitPolicy extends ErrorResponseException {

	private final List<FieldError> errors;

	InvalidRateLimitPolicy(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST,
				Problems.withErrors(HttpStatus.BAD_REQUEST, "invalid-rate-limit", "Invalid rate limit policy", errors),
				null);
		this.errors = List.copyOf(errors);
	}

	@Override
	public String getMessage() {
		return "Invalid rate limit policy: " + this.errors;
	}

}
