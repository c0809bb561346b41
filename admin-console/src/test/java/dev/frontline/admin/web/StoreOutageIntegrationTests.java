package dev.frontline.admin.web;

import java.time.Duration;
import java.util.List;

import dev.frontline.admin.LocalPostgres;
import dev.frontline.testing.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.frontline.admin.Logins.OPERATOR;
import static dev.frontline.admin.Logins.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console on the PostgreSQL server on localhost, reached through a proxy that goes
 * away and comes back, as the server would: while it is gone, every read and write is
 * answered 503 with a problem that says so, and nothing is half-applied; once it is back,
 * the console serves again on its own. Skipped when the server is unreachable, unless
 * {@code CI=true}.
 */
@SpringBootTest(properties = { "frontline.admin.seed.functions-uri=http://127.0.0.1:1",
		"frontline.admin.catalogue.enabled=false",
		// Requests while the server is gone wait this long for a connection.
		"spring.datasource.hikari.connection-timeout=1000" })
@AutoConfigureMockMvc
@DirtiesContext
class StoreOutageIntegrationTests {

	private static final String SCHEMA = LocalPostgres.newSchema("frontline_outage_");

	private static final TcpProxy postgres = TcpProxy.open(5432);

	@Autowired
	private MockMvc mvc;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url",
				() -> "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/test?currentSchema=" + SCHEMA);
		registry.add("spring.datasource.username", () -> LocalPostgres.USER);
		registry.add("spring.flyway.schemas", () -> SCHEMA);
	}

	@BeforeAll
	static void requirePostgres() {
		LocalPostgres.require("the store outage tests");
	}

	@AfterAll
	static void cleanUp() {
		postgres.close();
		LocalPostgres.dropSchemas(List.of(SCHEMA));
	}

	@Test
	void answersUnavailableWhileTheDatabaseIsGoneAndServesAgainOnceItIsBack() throws Exception {
		this.mvc.perform(json(post("/api/v1/routes"), route("before-outage", "/api/before")))
			.andExpect(status().isCreated());
		long version = version();

		postgres.cut();
		unavailable(this.mvc.perform(get("/api/v1/routes").with(VIEWER)));
		unavailable(this.mvc.perform(get("/api/v1/config").with(VIEWER)));
		unavailable(this.mvc.perform(json(post("/api/v1/routes"), route("during-outage", "/api/during"))));
		unavailable(this.mvc.perform(json(put("/api/v1/routes/before-outage"), route(null, "/api/changed"))));
		unavailable(this.mvc.perform(delete("/api/v1/routes/before-outage").with(OPERATOR)));
		unavailable(this.mvc.perform(post("/api/v1/config/rollback/1").with(OPERATOR)));
		unavailable(this.mvc.perform(get("/api/v1/audit").with(VIEWER)));
		this.mvc.perform(get("/routes").with(user("viewer").roles("VIEWER")).accept(MediaType.TEXT_HTML))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("Config store unavailable")));

		postgres.open();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> this.mvc.perform(get("/api/v1/routes").with(VIEWER)).andExpect(status().isOk()));
		assertThat(version()).as("nothing was published while the database was gone").isEqualTo(version);
		this.mvc.perform(get("/api/v1/routes/before-outage").with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.match.path").value("/api/before"));
		this.mvc.perform(get("/api/v1/routes/during-outage").with(VIEWER)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/audit").param("target", "route/during-outage").with(VIEWER))
			.andExpect(jsonPath("$", empty()));
		this.mvc.perform(json(post("/api/v1/routes"), route("after-outage", "/api/after")))
			.andExpect(status().isCreated())
			.andExpect(header().string("X-Config-Version", String.valueOf(version + 1)));
	}

	private static ResultActions unavailable(ResultActions result) throws Exception {
		return result.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:store-unavailable"))
			.andExpect(jsonPath("$.detail", containsString("cannot be reached")))
			.andExpect(jsonPath("$.detail", containsString("nothing was read or changed")));
	}

	private long version() throws Exception {
		return Long.parseLong(this.mvc.perform(get("/api/v1/config").with(VIEWER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("X-Config-Version"));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static String route(String id, String path) {
		String idField = (id != null) ? "\"id\": \"" + id + "\", " : "";
		return """
				{%s"match": {"path": "%s"}, "stable": {"uris": ["http://127.0.0.1:1"], "function": "product"}}"""
			.formatted(idField, path);
	}

}
