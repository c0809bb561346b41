package dev.frontline.admin.release;

import dev.frontline.admin.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * No release with the requested id was started.
 */
class ReleaseNotFound extends ErrorResponseException {

	ReleaseNotFound(long id) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "release-not-found", "Release not found",
				"No release " + id + " was started"), null);
	}

}
