package dev.frontline.admin.apikey;

import dev.frontline.admin.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * No API key with the requested id was ever issued.
 */
class ApiKeyNotFound extends ErrorResponseException {

	ApiKeyNotFound(String id) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "api-key-not-found", "API key not found",
				"No API key with id '" + id + "' was issued"), null);
	}

}
