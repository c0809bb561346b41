package dev.frontline.functions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Publishes a function bean: only functions carrying this annotation on their
 * {@code @Bean} method are callable over HTTP and listed by {@code GET /functions}.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FunctionDescription {

	/**
	 * What the function answers, in one sentence.
	 * @return the description
	 */
	String value();

}
