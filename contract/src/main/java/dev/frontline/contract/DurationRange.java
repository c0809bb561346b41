package dev.frontline.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated duration lies between {@link #minMillis()} and {@link #maxMillis()},
 * inclusive.
 */
@Documented
@Constraint(validatedBy = DurationRangeValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface DurationRange {

	String message() default "must be between {minMillis} ms and {maxMillis} ms";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Smallest allowed duration in milliseconds. */
	long minMillis() default 0;

	/** Largest allowed duration in milliseconds. */
	long maxMillis() default Long.MAX_VALUE;

}
