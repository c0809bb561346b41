package dev.frontline.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated string is a route path pattern: it starts with {@code /}, and its
 * segments are literals, {@code *}, {@code {name}}, {@code {name:regex}}, or (last only)
 * {@code **} or {@code {*name}}.
 */
@Documented
@Constraint(validatedBy = PathPatternValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PathPattern {

	String message() default "must be a path pattern such as /api/products/{id}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
