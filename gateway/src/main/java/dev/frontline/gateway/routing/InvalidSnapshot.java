package dev.frontline.gateway.routing;

import java.util.List;
import java.util.stream.Collectors;

import dev.frontline.contract.FieldError;

/**
 * A config snapshot that cannot be applied: it breaks the contract's constraints, or one
 * of its routes does not compile. The gateway keeps the routes it has.
 */
public class InvalidSnapshot extends RuntimeException {

	private final long version;

	private final List<FieldError> errors;

	public InvalidSnapshot(long version, List<FieldError> errors) {
		super("snapshot " + version + " is invalid: " + describe(errors));
		this.version = version;
		this.errors = List.copyOf(errors);
	}

	private static String describe(List<FieldError> errors) {
		return errors.stream().map((error) -> error.field() + " " + error.message()).collect(Collectors.joining("; "));
	}

	/**
	 * The version of the snapshot.
	 */
	public long version() {
		return this.version;
	}

	/**
	 * Every field that is wrong, and why.
	 */
	public List<FieldError> errors() {
		return this.errors;
	}

}
