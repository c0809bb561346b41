package dev.frontline.contract;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Validates config documents and reports their violations as {@link FieldError}s.
 */
public final class ConfigViolations {

	private ConfigViolations() {
	}

	/**
	 * Every field error of the value, ordered by field.
	 */
	public static List<FieldError> of(Validator validator, Object value) {
		return of(validator.validate(value));
	}

	/**
	 * The given violations as field errors, ordered by field.
	 */
	public static List<FieldError> of(Set<? extends ConstraintViolation<?>> violations) {
		return violations.stream()
			.map((violation) -> new FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
			.distinct()
			.sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
			.toList();
	}

}
