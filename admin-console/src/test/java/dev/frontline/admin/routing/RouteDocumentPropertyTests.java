package dev.frontline.admin.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import dev.frontline.admin.ApiTest;
import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.RouteRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.core.type.TypeReference;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static dev.frontline.admin.Logins.OPERATOR;
import static dev.frontline.admin.Logins.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Whatever route document an operator writes, with {@code POST /api/v1/routes} or
 * {@code PUT /api/v1/routes/{id}}, the console answers 2xx or a 4xx problem that names
 * the wrong field, never a 5xx; a refused write changes nothing (the config version, the
 * routes and the audit log stay as they were); an accepted write is stored exactly as
 * sent, as the next version, audited once.
 * <p>
 * The documents ({@link RouteDocuments}) come from one seed, named in every test; a
 * failure is replayed with {@code -Dfrontline.route-documents.seed=<seed>}, and
 * {@code -Dfrontline.route-documents.tries=<n>} runs more or fewer documents.
 */
@ApiTest
@TestPropertySource(properties = "frontline.admin.catalogue.enabled=false")
class RouteDocumentPropertyTests {

	private static final long SEED = Long.getLong("frontline.route-documents.seed",
			ThreadLocalRandom.current().nextLong());

	private static final int TRIES = Integer.getInteger("frontline.route-documents.tries", 300);

	/** How many routes of its own the test keeps at most, deleting the oldest. */
	private static final int KEPT = 8;

	private static final TypeReference<List<RouteRule>> ROUTES = new TypeReference<>() {
	};

	@Autowired
	private MockMvc mvc;

	private final List<String> created = new ArrayList<>();

	@DynamicPropertySource
	static void storeOfItsOwn(DynamicPropertyRegistry registry) {
		// The shared store's releases publish versions in the background, which would
		// look like writes that changed something.
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:route-documents;MODE=PostgreSQL;"
				+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
	}

	@TestFactory
	Stream<DynamicTest> answersEveryRouteDocumentWithTheStoredRouteOrTheWrongField() {
		RouteDocuments documents = new RouteDocuments(SEED);
		SplittableRandom operations = new SplittableRandom(SEED).split();
		// The stream is consumed one test at a time, so each document can use the routes
		// the ones before created.
		return IntStream.rangeClosed(1, TRIES).mapToObj((i) -> {
			if (!this.created.isEmpty() && operations.nextInt(3) == 0) {
				String id = this.created.get(operations.nextInt(this.created.size()));
				RouteDocuments.Attempt attempt = documents.nextUpdate(id);
				return named(name(i, "PUT " + id, attempt), () -> replace(id, attempt));
			}
			RouteDocuments.Attempt attempt = documents.nextCreate(this.created);
			return named(name(i, "POST", attempt), () -> create(attempt));
		});
	}

	/**
	 * A test whose failure names the seed and the document, which a report of dynamic
	 * tests would not.
	 */
	private static DynamicTest named(String name, Executable test) {
		return DynamicTest.dynamicTest(name, () -> {
			try {
				test.execute();
			}
			catch (AssertionError ex) {
				throw new AssertionError(name + ": " + ex.getMessage(), ex);
			}
		});
	}

	private static String name(int i, String operation, RouteDocuments.Attempt attempt) {
		return "seed " + SEED + " #" + i + ": " + operation + " " + attempt.description();
	}

	private void create(RouteDocuments.Attempt attempt) throws Exception {
		State before = state();
		MockHttpServletResponse response = this.mvc.perform(
				post("/api/v1/routes").with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content(attempt.body()))
			.andReturn()
			.getResponse();
		RouteRule expected = attempt.expected();
		if (expected == null) {
			assertRefused(attempt, response, before);
			return;
		}
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		List<RouteRule> routes = new ArrayList<>(before.routes());
		routes.add(expected);
		assertStored(expected, response, before, "route.create", routes);
		this.created.add(expected.id());
		if (this.created.size() > KEPT) {
			deleteOldest();
		}
	}

	private void replace(String id, RouteDocuments.Attempt attempt) throws Exception {
		State before = state();
		MockHttpServletResponse response = this.mvc
			.perform(put("/api/v1/routes/" + id).with(OPERATOR)
				.contentType(MediaType.APPLICATION_JSON)
				.content(attempt.body()))
			.andReturn()
			.getResponse();
		if (attempt.expected() == null) {
			assertRefused(attempt, response, before);
			return;
		}
		RouteRule expected = attempt.expected().withId(id);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		List<RouteRule> routes = new ArrayList<>(before.routes());
		routes.replaceAll((route) -> route.id().equals(id) ? expected : route);
		assertStored(expected, response, before, "route.update", routes);
	}

	/**
	 * The write was published as exactly the next version with the given routes, the
	 * route reads back as sent, and one audit event says so.
	 */
	private void assertStored(RouteRule expected, MockHttpServletResponse response, State before, String action,
			List<RouteRule> routes) throws Exception {
		long published = before.version() + 1;
		assertThat(route(response.getContentAsString())).isEqualTo(expected);
		assertThat(response.getHeader("X-Config-Version")).isEqualTo(String.valueOf(published));
		State after = state();
		assertThat(after.version()).isEqualTo(published);
		assertThat(after.routes()).isEqualTo(routes);
		String read = this.mvc.perform(get("/api/v1/routes/" + expected.id()).with(VIEWER))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(route(read)).isEqualTo(expected);
		String audit = audit(2);
		List<Integer> ids = JsonPath.read(audit, "$[*].id");
		assertThat(ids.get(0)).isGreaterThan((int) before.newestAuditEvent());
		assertThat((ids.size() > 1) ? ids.get(1) : 0).isEqualTo((int) before.newestAuditEvent());
		assertThat(JsonPath.<String>read(audit, "$[0].action")).isEqualTo(action);
		assertThat(JsonPath.<String>read(audit, "$[0].target")).isEqualTo("route/" + expected.id());
		assertThat(JsonPath.<String>read(audit, "$[0].detail")).isEqualTo("published as version " + published);
	}

	/**
	 * The write was refused with a problem naming the wrong field, and nothing changed.
	 */
	private void assertRefused(RouteDocuments.Attempt attempt, MockHttpServletResponse response, State before)
			throws Exception {
		String body = response.getContentAsString();
		assertThat(response.getStatus()).as(body).isBetween(400, 499);
		assertThat(MediaType.parseMediaType(response.getContentType()))
			.matches(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith, "is application/problem+json");
		assertThat(JsonPath.<String>read(body, "$.type")).startsWith("urn:frontline:problem:");
		List<String> fields = JsonPath.read(body, "$.errors[*].field");
		String field = attempt.field();
		if (field == null) {
			assertThat(fields).as(body).isNotEmpty();
		}
		else {
			assertThat(fields).as(body)
				.anyMatch((named) -> named.equals(field) || named.startsWith(field + ".")
						|| named.startsWith(field + "["));
		}
		assertThat(state()).isEqualTo(before);
	}

	private void deleteOldest() throws Exception {
		String id = this.created.remove(0);
		long version = state().version();
		MockHttpServletResponse response = this.mvc.perform(delete("/api/v1/routes/" + id).with(OPERATOR))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(204);
		assertThat(response.getHeader("X-Config-Version")).isEqualTo(String.valueOf(version + 1));
	}

	private State state() throws Exception {
		MockHttpServletResponse routes = this.mvc.perform(get("/api/v1/routes").with(VIEWER)).andReturn().getResponse();
		List<Integer> newest = JsonPath.read(audit(1), "$[*].id");
		return new State(Long.parseLong(routes.getHeader("X-Config-Version")),
				ConfigJson.mapper().readValue(routes.getContentAsString(), ROUTES),
				newest.isEmpty() ? 0 : newest.get(0));
	}

	private String audit(int limit) throws Exception {
		return this.mvc.perform(get("/api/v1/audit").param("limit", String.valueOf(limit)).with(VIEWER))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static RouteRule route(String json) {
		return ConfigJson.mapper().readValue(json, RouteRule.class);
	}

	/**
	 * What an operator sees of the config: its version, its routes, the newest audit
	 * event.
	 */
	private record State(long version, List<RouteRule> routes, long newestAuditEvent) {

	}

}
