package dev.frontline.admin.release;

import java.util.List;

import dev.frontline.admin.web.Problems;
import dev.frontline.contract.FieldError;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A filter of the releases listing names no such thing; the field names the parameter.
 */
class InvalidReleaseFilter extends ErrorResponseException {

	InvalidReleaseFilter(String parameter, String message) {
		super(HttpStatus.BAD_REQUEST, Problems.withErrors(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				List.of(new FieldError(parameter, message))), null);
	}

}
