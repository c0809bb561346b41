package dev.frontline.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole console on a real server, with the local users ({@code admin}/{@code admin},
 * {@code operator}/{@code operator}, {@code viewer}/{@code viewer}) and an in-memory
 * database that the annotated test classes share, as they share one context: tests must
 * not assume a fresh store.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=" + ConsoleServer.DATABASE,
				"frontline.admin.seed.functions-uri=" + ConsoleServer.FUNCTIONS_URI })
public @interface ConsoleServer {

	/** The shared in-memory database. */
	String DATABASE = "jdbc:h2:mem:console-pages;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

	/**
	 * Where routes point: a closed port, so that the composition checks find no runtime
	 * and accept with a warning.
	 */
	String FUNCTIONS_URI = "http://127.0.0.1:1";

}
