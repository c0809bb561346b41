package dev.frontline.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole console on MockMvc, over an in-memory database that the annotated test
 * classes share (so they share one context too): tests must not assume a fresh store.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "spring.datasource.url=" + ApiTest.DATABASE,
		"frontline.admin.seed.functions-uri=" + ApiTest.FUNCTIONS_URI, "frontline.admin.fleet.stale-after=1s",
		"frontline.control-plane.token=" + ApiTest.TOKEN })
@AutoConfigureMockMvc
public @interface ApiTest {

	/** The shared in-memory database. */
	String DATABASE = "jdbc:h2:mem:api-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	/** Where the seed routes point. */
	String FUNCTIONS_URI = "http://functions.test:8090";

	/** The control-plane token. */
	String TOKEN = "test-token";

}
