package dev.frontline.admin.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Controller;

/**
 * A controller of the console's pages: it renders HTML for people, where a
 * {@link org.springframework.web.bind.annotation.RestController} answers JSON for
 * scripts. Its failures are answered with the error page instead of a problem.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

}
