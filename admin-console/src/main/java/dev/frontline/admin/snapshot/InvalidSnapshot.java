package dev.frontline.admin.snapshot;

import java.util.List;

import dev.frontline.admin.web.Problems;
import dev.frontline.contract.FieldError;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A snapshot about to be published breaks the config's constraints, or a rollback would
 * publish function compositions that no longer fit their runtimes' catalogues, so nothing
 * was published.
 */
public class InvalidSnapshot extends ErrorResponseException {

	private final List<FieldError> errors;

	/**
	 * Creates an exception for the given errors, with fields relative to the snapshot.
	 */
	public InvalidSnapshot(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST,
				Problems.withErrors(HttpStatus.BAD_REQUEST, "invalid-snapshot", "Invalid snapshot", errors), null);
		this.errors = List.copyOf(errors);
	}

	/**
	 * Every field error of the snapshot.
	 */
	public List<FieldError> getErrors() {
		return this.errors;
	}

	@Override
	public String getMessage() {
		return "Invalid snapshot: " + this.errors;
	}

}
