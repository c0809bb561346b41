package dev.frontline.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated string is a function definition: one function name, or several joined by
 * {@code |} to compose them (for example {@code homePage|mobileView}).
 */
@Documented
@Constraint(validatedBy = FunctionDefinitionValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface FunctionDefinition {

	String message() default "must be function names joined by '|', such as homePage|mobileView";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
