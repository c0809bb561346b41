package dev.frontline.admin.fleet;

import java.util.List;

import dev.frontline.admin.web.Problems;
import dev.frontline.contract.FieldError;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The window of a stats query is not a duration the console keeps stats for.
 */
class InvalidStatsWindow extends ErrorResponseException {

	InvalidStatsWindow(String message) {
		super(HttpStatus.BAD_REQUEST, Problems.withErrors(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				List.of(new FieldError("window", message))), null);
	}

}
