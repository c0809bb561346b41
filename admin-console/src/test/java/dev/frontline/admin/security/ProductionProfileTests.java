package dev.frontline.admin.security;

import java.util.ArrayList;
import java.util.List;

import dev.frontline.admin.AdminConsoleApplication;
import dev.frontline.admin.ApiTest;
import dev.frontline.admin.Logins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThatException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:prod-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
		"frontline.control-plane.token=" + ProductionProfileTests.TOKEN, "frontline.admin.users[0].username=admin",
		"frontline.admin.users[0].password=" + ProductionProfileTests.ADMIN, "frontline.admin.users[0].role=admin" })
@AutoConfigureMockMvc
@ActiveProfiles("prod")
class ProductionProfileTests {

	static final String TOKEN = "a-secret-of-our-own";

	/** The hash of {@code a-long-admin-secret}. */
	static final String ADMIN = "{bcrypt}$2a$04$Q/b.E4HPa3odQsrH3EtXSekcw48h0KECB.atYAzFpKkqpJBogCtya";

	/** The hash of {@code operator}. */
	static final String DEFAULT_OPERATOR = "{bcrypt}$2a$04$4jxPoRPGjXTa4USe8eDmhuR9wCQi0bo31nlv3CauvECFhA4gC3C.u";

	/** The hash of {@code alice}. */
	static final String OWN_NAME = "{bcrypt}$2a$04$XaaPcXtZO.wjnUZkfi8f3.LJ83Yt4b/0CI9OeQX6QaL62VU/sTcXi";

	@Autowired
	private MockMvc mvc;

	@Test
	void refusesToStartWithTheDefaultToken() {
		assertThatException().isThrownBy(() -> start("prod-default-token", user(0, "admin", ADMIN)))
			.havingRootCause()
			.isInstanceOf(DefaultTokenInProduction.class)
			.withMessageContaining("frontline.control-plane.token")
			.withMessageContaining("'prod'");
	}

	@Test
	void refusesToStartWithoutUsers() {
		assertThatException()
			.isThrownBy(() -> start("prod-no-users", List.of("--frontline.control-plane.token=" + TOKEN)))
			.havingRootCause()
			.isInstanceOf(DefaultUsersInProduction.class)
			.withMessageContaining("'prod'")
			.withMessageContaining("no users are configured");
	}

	@Test
	void refusesToStartWhenAUserHasADefaultPassword() {
		List<String> arguments = new ArrayList<>(user(0, "admin", ADMIN));
		arguments.addAll(user(1, "ops", DEFAULT_OPERATOR));
		arguments.add("--frontline.control-plane.token=" + TOKEN);
		assertThatException().isThrownBy(() -> start("prod-default-password", arguments))
			.havingRootCause()
			.isInstanceOf(DefaultUsersInProduction.class)
			.withMessageContaining("the password of ops is a local default");
	}

	@Test
	void refusesToStartWhenAUserHasTheirNameAsPassword() {
		List<String> arguments = new ArrayList<>(user(0, "alice", OWN_NAME));
		arguments.add("--frontline.control-plane.token=" + TOKEN);
		assertThatException().isThrownBy(() -> start("prod-own-name", arguments))
			.havingRootCause()
			.isInstanceOf(DefaultUsersInProduction.class)
			.withMessageContaining("alice");
	}

	@Test
	void letsInTheConfiguredUsersOnly() throws Exception {
		this.mvc.perform(get("/api/v1/routes").with(httpBasic("admin", "a-long-admin-secret")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/routes").with(Logins.ADMIN)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/routes").with(Logins.VIEWER)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/routes").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
			.andExpect(status().isUnauthorized());
	}

	private static void start(String database, List<String> arguments) {
		List<String> all = new ArrayList<>(arguments);
		all.add("--spring.datasource.url=" + ApiTest.DATABASE.replace("api-tests", database));
		new SpringApplicationBuilder(AdminConsoleApplication.class).web(WebApplicationType.NONE)
			.profiles("prod")
			.run(all.toArray(String[]::new))
			.close();
	}

	private static List<String> user(int index, String username, String password) {
		String prefix = "--frontline.admin.users[" + index + "].";
		return List.of(prefix + "username=" + username, prefix + "password=" + password, prefix + "role=operator");
	}

}
