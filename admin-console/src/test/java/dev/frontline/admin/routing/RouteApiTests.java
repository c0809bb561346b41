package dev.frontline.admin.routing;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.frontline.admin.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static dev.frontline.admin.Logins.ALICE;
import static dev.frontline.admin.Logins.OPERATOR;
import static dev.frontline.admin.Logins.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApiTest
class RouteApiTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void createsAndReadsARoute() throws Exception {
		long before = currentVersion();
		create(route("create-me", "/api/create-me")).andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/routes/create-me"))
			.andExpect(header().string("X-Config-Version", String.valueOf(before + 1)))
			.andExpect(jsonPath("$.id").value("create-me"))
			.andExpect(jsonPath("$.timeout").value("2s"))
			.andExpect(jsonPath("$.auth.mode").value("authenticated"));
		assertThat(currentVersion()).isEqualTo(before + 1);
		this.mvc.perform(get("/api/v1/routes/create-me").with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.match.path").value("/api/create-me"))
			.andExpect(jsonPath("$.stable.function").value("homePage|webView"));
		this.mvc.perform(get("/api/v1/routes").with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem("create-me")))
			.andExpect(header().string("X-Config-Version", String.valueOf(before + 1)));
	}

	@Test
	void updatesARoute() throws Exception {
		create(route("update-me", "/api/update-me")).andExpect(status().isCreated());
		long before = currentVersion();
		this.mvc
			.perform(put("/api/v1/routes/update-me").with(ALICE)
				.contentType(MediaType.APPLICATION_JSON)
				.content(route(null, "/api/updated")))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Config-Version", String.valueOf(before + 1)))
			.andExpect(header().string("X-Frontline-Warning",
					"function catalogue of " + ApiTest.FUNCTIONS_URI + " unreachable; composition not checked"))
			.andExpect(jsonPath("$.id").value("update-me"))
			.andExpect(jsonPath("$.match.path").value("/api/updated"));
		this.mvc.perform(get("/api/v1/config/versions").with(VIEWER))
			.andExpect(jsonPath("$[0].version").value(before + 1))
			.andExpect(jsonPath("$[0].summary").value("update route update-me"))
			.andExpect(jsonPath("$[0].createdBy").value("alice"));
	}

	@Test
	void deletesARoute() throws Exception {
		create(route("delete-me", "/api/delete-me")).andExpect(status().isCreated());
		long before = currentVersion();
		this.mvc.perform(delete("/api/v1/routes/delete-me").with(OPERATOR))
			.andExpect(status().isNoContent())
			.andExpect(header().string("X-Config-Version", String.valueOf(before + 1)));
		this.mvc.perform(get("/api/v1/routes/delete-me").with(VIEWER)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/config/versions").with(VIEWER))
			.andExpect(jsonPath("$[0].summary").value("delete route delete-me"))
			.andExpect(jsonPath("$[0].createdBy").value("operator"));
	}

	@Test
	void answersNotFoundForAMissingRoute() throws Exception {
		long before = currentVersion();
		problem(this.mvc.perform(get("/api/v1/routes/nothing-here").with(VIEWER)), 404, "route-not-found");
		problem(this.mvc.perform(put("/api/v1/routes/nothing-here").with(OPERATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.content(route(null, "/api/nothing-here"))), 404, "route-not-found");
		problem(this.mvc.perform(delete("/api/v1/routes/nothing-here").with(OPERATOR)), 404, "route-not-found");
		assertThat(currentVersion()).isEqualTo(before);
	}

	@Test
	void answersConflictForAnExistingId() throws Exception {
		create(route("twice", "/api/twice")).andExpect(status().isCreated());
		long before = currentVersion();
		problem(create(route("twice", "/api/twice-again")), 409, "route-exists")
			.andExpect(jsonPath("$.detail", containsString("'twice'")))
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		assertThat(currentVersion()).isEqualTo(before);
	}

	@Test
	void rejectsAnInvalidRouteWithEveryFieldErrorAndChangesNothing() throws Exception {
		long before = currentVersion();
		String invalid = """
				{"id": "Bad Id", "match": {"path": "no-slash", "methods": ["FETCH"]},
				 "timeout": "10m",
				 "stable": {"uris": ["ftp://nowhere"], "function": "not a function"},
				 "canary": {"target": {"uris": ["http://localhost:1"], "function": "f"}, "weight": 150}}""";
		MvcResult result = problem(create(invalid), 400, "invalid-route")
			.andExpect(jsonPath("$.title").value("Invalid route rule"))
			.andExpect(jsonPath("$.detail").value("7 fields are invalid"))
			.andReturn();
		assertThat(fields(result)).containsExactly("canary.weight", "id", "match.methods", "match.path",
				"stable.function", "stable.uris[0]", "timeout");
		assertThat(currentVersion()).isEqualTo(before);
	}

	@Test
	void rejectsAnEmptyRouteNamingEveryRequiredField() throws Exception {
		long before = currentVersion();
		MvcResult result = problem(create("{}"), 400, "invalid-route").andReturn();
		assertThat(fields(result)).containsExactly("id", "match", "stable");
		assertThat(currentVersion()).isEqualTo(before);
	}

	@Test
	void rejectsARouteThatMatchesTheSameRequestsAsAnother() throws Exception {
		create(route("first-of-two", "/api/same")).andExpect(status().isCreated());
		long before = currentVersion();
		problem(create(route("second-of-two", "/api/same")), 400, "invalid-route")
			.andExpect(jsonPath("$.errors[0].field").value("match.path"))
			.andExpect(jsonPath("$.errors[0].message", containsString("'first-of-two'")));
		assertThat(currentVersion()).isEqualTo(before);
	}

	@Test
	void rejectsAnUpdateThatNamesAnotherId() throws Exception {
		create(route("keep-my-id", "/api/keep-my-id")).andExpect(status().isCreated());
		long before = currentVersion();
		problem(this.mvc.perform(put("/api/v1/routes/keep-my-id").with(OPERATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.content(route("other-id", "/api/keep-my-id"))), 400, "invalid-route")
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		assertThat(currentVersion()).isEqualTo(before);
	}

	@Test
	void namesTheFieldOfAValueOfTheWrongType() throws Exception {
		String body = route("wrong-type", "/api/wrong-type").replace("\"order\": 0", "\"order\": \"first\"");
		problem(create(body), 400, "malformed-request").andExpect(jsonPath("$.errors[0].field").value("order"))
			.andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
	}

	@Test
	void namesTheFieldOfAnUnknownEnumValue() throws Exception {
		String body = route("bad-mode", "/api/bad-mode").replace("\"authenticated\"", "\"everyone\"");
		problem(create(body), 400, "malformed-request").andExpect(jsonPath("$.errors[0].field").value("auth.mode"))
			.andExpect(jsonPath("$.errors[0].message").value("must be one of public, authenticated, scopes"));
	}

	@Test
	void namesTheFieldOfANestedValueOfTheWrongType() throws Exception {
		String body = route("bad-weight", "/api/bad-weight").replace("}\n}",
				"},\n \"canary\": {\"weight\": \"half\"}}");
		problem(create(body), 400, "malformed-request").andExpect(jsonPath("$.errors[0].field").value("canary.weight"));
	}

	@Test
	void namesTheFieldOfABadDuration() throws Exception {
		String body = route("bad-timeout", "/api/bad-timeout").replace("\"2s\"", "\"soon\"");
		problem(create(body), 400, "malformed-request").andExpect(jsonPath("$.errors[0].field").value("timeout"))
			.andExpect(jsonPath("$.errors[0].message", containsString("duration")));
	}

	@Test
	void namesWhereJsonIsMalformed() throws Exception {
		long before = currentVersion();
		problem(create("{\"id\": \"broken\", \"match\": {\"path\": }"), 400, "malformed-request")
			.andExpect(jsonPath("$.errors[0].field").value("match.path"))
			.andExpect(jsonPath("$.detail", not(containsString("Exception"))));
		problem(create(""), 400, "malformed-request");
		assertThat(currentVersion()).isEqualTo(before);
	}

	@Test
	void refusesAnUnknownFieldRatherThanDroppingIt() throws Exception {
		long before = currentVersion();
		String body = route("typo", "/api/typo").replace("\"timeout\"", "\"timout\"");
		problem(create(body), 400, "malformed-request").andExpect(jsonPath("$.errors[0].field").value("timout"))
			.andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
		problem(create(route("nested-typo", "/api/nested-typo").replace("\"path\"", "\"pth\"")), 400,
				"malformed-request")
			.andExpect(jsonPath("$.errors[0].field").value("match.pth"));
		assertThat(currentVersion()).isEqualTo(before);
	}

	@Test
	void refusesValuesOfTheWrongJsonTypeRatherThanConvertingThem() throws Exception {
		long before = currentVersion();
		String route = route("converted", "/api/converted");
		assertThat(malformedFields(route.replace("\"order\": 0", "\"order\": 1.5"))).containsExactly("order");
		assertThat(malformedFields(route.replace("\"order\": 0", "\"order\": \"5\""))).containsExactly("order");
		assertThat(malformedFields(route.replace("\"converted\"", "123"))).containsExactly("id");
		assertThat(malformedFields(route.replace("\"authenticated\"", "0"))).containsExactly("auth.mode");
		assertThat(malformedFields(route.replace("\"authenticated\"}", "\"public\", \"apiKeys\": 1}")))
			.containsExactly("auth.apiKeys");
		assertThat(malformedFields(route.replace("[\"GET\"]", "[\"GET\", null]"))).containsExactly("match.methods[1]");
		assertThat(malformedFields("{\"id\": \"twice\", " + route.substring(1))).containsExactly("id");
		assertThat(currentVersion()).isEqualTo(before);
	}

	@Test
	void refusesTextThatIsNotWellFormedUnicode() throws Exception {
		long before = currentVersion();
		String body = route("surrogate", "/api/surrogate").replace("\"order\": 0,",
				"\"order\": 0, \"description\": \"half a pair: \\ud83d\",");
		problem(create(body), 400, "malformed-request").andExpect(jsonPath("$.errors[0].field").value("description"))
			.andExpect(jsonPath("$.errors[0].message", containsString("well-formed Unicode")));
		String paired = route("paired", "/api/paired").replace("\"order\": 0,",
				"\"order\": 0, \"description\": \"a pair: \\ud83d\\ude00\",");
		create(paired).andExpect(status().isCreated())
			.andExpect(jsonPath("$.description").value("a pair: \uD83D\uDE00"));
		assertThat(currentVersion()).isEqualTo(before + 1);
	}

	@Test
	void refusesADurationTooLargeToWrite() throws Exception {
		long before = currentVersion();
		problem(create(route("forever", "/api/forever").replace("\"2s\"", "\"999999999999d\"")), 400, "invalid-route")
			.andExpect(jsonPath("$.errors[0].field").value("timeout"));
		assertThat(currentVersion()).isEqualTo(before);
	}

	@Test
	void rejectsARateLimitWithNonPositivePermits() throws Exception {
		assertThat(rateLimitErrors("""
				{"key": "client-ip", "permits": 0, "period": "1s", "burst": 10}""")).contains("rateLimit.permits");
		assertThat(rateLimitErrors("""
				{"key": "client-ip", "permits": -5, "period": "1s", "burst": 10}""")).contains("rateLimit.permits");
	}

	@Test
	void rejectsARateLimitWithAZeroPeriod() throws Exception {
		assertThat(rateLimitErrors("""
				{"key": "client-ip", "permits": 10, "period": "0s"}""")).containsExactly("rateLimit.period");
	}

	@Test
	void rejectsARateLimitWithABurstBelowPermits() throws Exception {
		MvcResult result = rateLimitProblem("""
				{"key": "client-ip", "permits": 10, "period": "1s", "burst": 5}""").andReturn();
		assertThat(fields(result)).containsExactly("rateLimit.burst");
		assertThat(JsonPath.<String>read(result.getResponse().getContentAsString(), "$.errors[0].message"))
			.contains("at least permits (10)");
	}

	@Test
	void rejectsARateLimitKeyedByAHeaderWithoutAHeaderName() throws Exception {
		assertThat(rateLimitErrors("""
				{"key": "header", "permits": 10, "period": "1s"}""")).containsExactly("rateLimit.header");
	}

	@Test
	void rejectsARateLimitWithADuplicateOverrideClient() throws Exception {
		assertThat(rateLimitErrors("""
				{"key": "api-key", "permits": 10, "period": "1s",
				 "overrides": [{"client": "partner", "permits": 100}, {"client": "partner", "permits": 200}]}"""))
			.containsExactly("rateLimit.overrides[1].client");
	}

	@Test
	void namesTheKeyOfARateLimitWithAnUnknownKeyType() throws Exception {
		long before = currentVersion();
		problem(create(withRateLimit("unknown-key", """
				{"key": "cookie", "permits": 10, "period": "1s"}""")), 400, "malformed-request")
			.andExpect(jsonPath("$.errors[0].field").value("rateLimit.key"));
		assertThat(currentVersion()).isEqualTo(before);
	}

	@Test
	void keepsAValidRateLimitWithOverrides() throws Exception {
		create(withRateLimit("limited",
				"""
						{"key": "api-key", "permits": 100, "period": "1m", "burst": 120,
						 "overrides": [{"client": "partner", "permits": 1000, "burst": 1500}, {"client": "mobile", "permits": 200}]}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.rateLimit.key").value("api-key"));
		this.mvc.perform(get("/api/v1/routes/limited").with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rateLimit.key").value("api-key"))
			.andExpect(jsonPath("$.rateLimit.permits").value(100))
			.andExpect(jsonPath("$.rateLimit.period").value("1m"))
			.andExpect(jsonPath("$.rateLimit.burst").value(120))
			.andExpect(jsonPath("$.rateLimit.overrides[0].client").value("partner"))
			.andExpect(jsonPath("$.rateLimit.overrides[0].permits").value(1000))
			.andExpect(jsonPath("$.rateLimit.overrides[0].burst").value(1500))
			.andExpect(jsonPath("$.rateLimit.overrides[1].client").value("mobile"))
			.andExpect(jsonPath("$.rateLimit.overrides[1].burst").value(200));
	}

	private List<String> rateLimitErrors(String rateLimit) throws Exception {
		return fields(rateLimitProblem(rateLimit).andReturn());
	}

	/**
	 * Creates a route with the given rate limit, expecting it refused as invalid without
	 * a new version.
	 */
	private ResultActions rateLimitProblem(String rateLimit) throws Exception {
		long before = currentVersion();
		ResultActions result = problem(create(withRateLimit("bad-limit", rateLimit)), 400, "invalid-route");
		assertThat(currentVersion()).isEqualTo(before);
		this.mvc.perform(get("/api/v1/routes/bad-limit").with(VIEWER)).andExpect(status().isNotFound());
		return result;
	}

	private static String withRateLimit(String id, String rateLimit) {
		return route(id, "/api/" + id).replace("\"order\": 0,", "\"order\": 0, \"rateLimit\": " + rateLimit + ",");
	}

	private ResultActions create(String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/routes").with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static ResultActions problem(ResultActions result, int status, String type) throws Exception {
		return result.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:" + type))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.trace").doesNotExist());
	}

	private long currentVersion() throws Exception {
		String version = this.mvc.perform(get("/api/v1/config").with(VIEWER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("X-Config-Version");
		return Long.parseLong(version);
	}

	private List<String> malformedFields(String body) throws Exception {
		return fields(problem(create(body), 400, "malformed-request").andReturn());
	}

	private static List<String> fields(MvcResult result) throws Exception {
		return JsonPath.read(result.getResponse().getContentAsString(), "$.errors[*].field");
	}

	static String route(String id, String path) {
		String idField = (id != null) ? "\"id\": \"" + id + "\",\n" : "";
		return """
				{%s "match": {"path": "%s", "methods": ["GET"]},
				 "order": 0,
				 "auth": {"mode": "authenticated"},
				 "timeout": "2s",
				 "stable": {"uris": ["%s"], "function": "homePage|webView"}
				}""".formatted(idField, path, ApiTest.FUNCTIONS_URI);
	}

}
