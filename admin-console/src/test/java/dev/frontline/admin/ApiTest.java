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
 * classes share (so they share one context too): tests must not assume a fresh store. The
 * users are those of {@link Logins}, configured with cheap bcrypt hashes to keep the
 * tests fast.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "spring.datasource.url=" + ApiTest.DATABASE,
		"frontline.admin.seed.functions-uri=" + ApiTest.FUNCTIONS_URI, "frontline.admin.fleet.stale-after=1s",
		"frontline.control-plane.token=" + ApiTest.TOKEN,
		// Passwords equal the user names.
		"frontline.admin.users[0].username=admin",
		"frontline.admin.users[0].password={bcrypt}$2a$04$aO3C/CSG.a0952nEEBXshuMFPqnOZlJJ7cPNXymlUu4l2DOJWaR2i",
		"frontline.admin.users[0].role=admin", "frontline.admin.users[1].username=operator",
		"frontline.admin.users[1].password={bcrypt}$2a$04$4jxPoRPGjXTa4USe8eDmhuR9wCQi0bo31nlv3CauvECFhA4gC3C.u",
		"frontline.admin.users[1].role=operator", "frontline.admin.users[2].username=viewer",
		"frontline.admin.users[2].password={bcrypt}$2a$04$DV6ZNR6SR93OAAySA.ugYuNlveDw1L13sWOZrLnwxtSWzSU/c3s5i",
		"frontline.admin.users[2].role=viewer", "frontline.admin.users[3].username=alice",
		"frontline.admin.users[3].password={bcrypt}$2a$04$XaaPcXtZO.wjnUZkfi8f3.LJ83Yt4b/0CI9OeQX6QaL62VU/sTcXi",
		"frontline.admin.users[3].role=operator" })
@AutoConfigureMockMvc
public @interface ApiTest {

	/** The shared in-memory database. */
	String DATABASE = "jdbc:h2:mem:api-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	/**
	 * Where the seed routes and the tests' routes point: a closed port, so that the
	 * composition check finds no runtime there at once, whatever runs on the machine, and
	 * accepts route writes with a warning.
	 */
	String FUNCTIONS_URI = "http://127.0.0.1:1";

	/** The control-plane token. */
	String TOKEN = "test-token";

}
