package dev.frontline.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated string is an absolute {@code http} or {@code https} URI with a host, and
 * no query or fragment.
 */
@Documented
@Constraint(validatedBy = HttpUriValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface HttpUri {

	String message() default "must be an absolute http(s) URI such as http://localhost:8090";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
