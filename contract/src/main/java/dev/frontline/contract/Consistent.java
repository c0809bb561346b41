package dev.frontline.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated {@link SelfChecking} value has fields that agree with each other.
 */
@Documented
@Constraint(validatedBy = ConsistentValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Consistent {

	String message() default "is inconsistent";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
