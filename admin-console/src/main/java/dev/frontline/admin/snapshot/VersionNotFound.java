package dev.frontline.admin.snapshot;

import dev.frontline.admin.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * No snapshot of the requested version was published.
 */
public class VersionNotFound extends ErrorResponseException {

	/**
	 * Creates an exception for the given version.
	 */
	public VersionNotFound(long version) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "version-not-found", "Version not found",
				"No config version " + version + " was published"), null);
	}

}
