package dev.frontline.admin.ratelimit;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.frontline.admin.ApiTest;
import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.ConfigViolations;
import dev.frontline.contract.RateLimitPolicy;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.frontline.admin.Logins.ADMIN;
import static dev.frontline.admin.Logins.ALICE;
import static dev.frontline.admin.Logins.OPERATOR;
import static dev.frontline.admin.Logins.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The default rate limit API. Each test leaves the store without a default, as other
 * tests on the shared store expect.
 */
@ApiTest
class DefaultRateLimitApiTests {

	private static final String PATH = "/api/v1/config/default-rate-limit";

	private static final String POLICY = """
			{"key": "api-key", "permits": 100, "period": "1m", "burst": 150,
			 "overrides": [{"client": "partner", "permits": 1000, "burst": 2000}]}""";

	private static final String OTHER_POLICY = """
			{"key": "client-ip", "permits": 5, "period": "1s"}""";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Validator validator;

	@AfterEach
	void removeTheDefault() throws Exception {
		if (current().defaultRateLimit() != null) {
			this.mvc.perform(delete(PATH).with(OPERATOR)).andExpect(status().isNoContent());
		}
	}

	@Test
	void setsReadsAndRemovesTheDefault() throws Exception {
		long before = current().version();
		set(POLICY, ALICE).andExpect(status().isOk())
			.andExpect(header().string("X-Config-Version", String.valueOf(before + 1)))
			.andExpect(jsonPath("$.key").value("api-key"))
			.andExpect(jsonPath("$.burst").value(150));
		this.mvc.perform(get(PATH).with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Config-Version", String.valueOf(before + 1)))
			.andExpect(jsonPath("$.key").value("api-key"))
			.andExpect(jsonPath("$.permits").value(100))
			.andExpect(jsonPath("$.period").value("1m"))
			.andExpect(jsonPath("$.burst").value(150))
			.andExpect(jsonPath("$.overrides[0].client").value("partner"))
			.andExpect(jsonPath("$.overrides[0].permits").value(1000))
			.andExpect(jsonPath("$.overrides[0].burst").value(2000));
		ConfigSnapshot published = current();
		assertThat(published.defaultRateLimit()).isNotNull();
		assertThat(published.defaultRateLimit().overrideFor("partner")).isPresent();
		assertAcceptableToGateways(published);
		this.mvc.perform(get("/api/v1/config/versions").with(VIEWER))
			.andExpect(jsonPath("$[0].version").value(before + 1))
			.andExpect(jsonPath("$[0].summary").value("set default rate limit"))
			.andExpect(jsonPath("$[0].createdBy").value("alice"));

		this.mvc.perform(delete(PATH).with(OPERATOR))
			.andExpect(status().isNoContent())
			.andExpect(header().string("X-Config-Version", String.valueOf(before + 2)));
		problem(this.mvc.perform(get(PATH).with(VIEWER)), 404, "default-rate-limit-not-set");
		ConfigSnapshot removed = current();
		assertThat(removed.defaultRateLimit()).isNull();
		assertThat(removed.routes()).isEqualTo(published.routes());
		assertAcceptableToGateways(removed);
		this.mvc.perform(get("/api/v1/config/versions").with(VIEWER))
			.andExpect(jsonPath("$[0].summary").value("remove default rate limit"));
	}

	@Test
	void answersNotFoundWithoutADefault() throws Exception {
		long before = current().version();
		problem(this.mvc.perform(get(PATH).with(VIEWER)), 404, "default-rate-limit-not-set");
		problem(this.mvc.perform(delete(PATH).with(OPERATOR)), 404, "default-rate-limit-not-set");
		assertThat(current().version()).isEqualTo(before);
	}

	@Test
	void replacesTheDefault() throws Exception {
		set(POLICY, OPERATOR).andExpect(status().isOk());
		set(OTHER_POLICY, OPERATOR).andExpect(status().isOk())
			.andExpect(jsonPath("$.key").value("client-ip"))
			.andExpect(jsonPath("$.burst").value(5));
		this.mvc.perform(get(PATH).with(VIEWER))
			.andExpect(jsonPath("$.key").value("client-ip"))
			.andExpect(jsonPath("$.overrides").isEmpty());
	}

	@Test
	void letsOnlyOperatorsChangeTheDefault() throws Exception {
		long before = current().version();
		forbidden(set(POLICY, VIEWER));
		forbidden(this.mvc.perform(delete(PATH).with(VIEWER)));
		this.mvc.perform(put(PATH).contentType(MediaType.APPLICATION_JSON).content(POLICY))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get(PATH)).andExpect(status().isUnauthorized());
		assertThat(current().version()).isEqualTo(before);
		set(POLICY, ADMIN).andExpect(status().isOk());
		this.mvc.perform(get(PATH).with(VIEWER)).andExpect(status().isOk());
		this.mvc.perform(delete(PATH).with(ADMIN)).andExpect(status().isNoContent());
	}

	@Test
	void rejectsAnInvalidPolicyWithEveryFieldErrorAndChangesNothing() throws Exception {
		long before = current().version();
		String invalid = """
				{"key": "client-ip", "header": "X-Client", "permits": 10, "period": "0ms", "burst": 5,
				 "overrides": [{"client": "", "permits": 1}, {"client": "twice", "permits": 1},
				               {"client": "twice", "permits": 2}]}""";
		MvcResult result = problem(set(invalid, OPERATOR), 400, "invalid-rate-limit")
			.andExpect(jsonPath("$.title").value("Invalid rate limit policy"))
			.andReturn();
		assertThat(fields(result)).containsExactly("burst", "header", "overrides[0].client", "overrides[2].client",
				"period");
		assertThat(fields(problem(set("""
				{"key": "header", "permits": 0, "period": "1s"}""", OPERATOR), 400, "invalid-rate-limit").andReturn()))
			.contains("header", "permits");
		assertThat(fields(problem(set("""
				{"key": "user", "permits": 10, "period": "1s",
				 "overrides": [{"client": "small", "permits": 5, "burst": 2}]}""", OPERATOR), 400, "invalid-rate-limit")
			.andReturn())).containsExactly("overrides[0].burst");
		problem(set(OTHER_POLICY.replace("\"1s\"", "\"2d\""), OPERATOR), 400, "invalid-rate-limit")
			.andExpect(jsonPath("$.errors[0].field").value("period"));
		assertThat(current().version()).isEqualTo(before);
		problem(this.mvc.perform(get(PATH).with(VIEWER)), 404, "default-rate-limit-not-set");
	}

	@Test
	void namesTheKeyOfAnUnknownKeyType() throws Exception {
		long before = current().version();
		problem(set(OTHER_POLICY.replace("client-ip", "cookie"), OPERATOR), 400, "malformed-request")
			.andExpect(jsonPath("$.errors[0].field").value("key"));
		problem(set("", OPERATOR), 400, "malformed-request");
		assertThat(current().version()).isEqualTo(before);
	}

	@Test
	void keepsTheDefaultThroughRouteWritesAndApiKeyChanges() throws Exception {
		set(POLICY, OPERATOR).andExpect(status().isOk());
		this.mvc
			.perform(post("/api/v1/routes").with(OPERATOR)
				.contentType(MediaType.APPLICATION_JSON)
				.content(route("under-default", "/api/under-default")))
			.andExpect(status().isCreated());
		ConfigSnapshot afterRouteWrite = current();
		assertThat(afterRouteWrite.route("under-default")).isPresent();
		assertThat(afterRouteWrite.defaultRateLimit()).isNotNull();
		assertThat(afterRouteWrite.defaultRateLimit().permits()).isEqualTo(100);
		assertAcceptableToGateways(afterRouteWrite);
		this.mvc.perform(delete("/api/v1/routes/under-default").with(OPERATOR)).andExpect(status().isNoContent());
		assertThat(current().defaultRateLimit()).isEqualTo(afterRouteWrite.defaultRateLimit());
		this.mvc
			.perform(post("/api/v1/api-keys").with(ADMIN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"client\": \"rate-limited\"}"))
			.andExpect(status().isCreated());
		ConfigSnapshot afterKeyIssue = current();
		assertThat(afterKeyIssue.defaultRateLimit()).isEqualTo(afterRouteWrite.defaultRateLimit());
		assertAcceptableToGateways(afterKeyIssue);
		this.mvc.perform(get(PATH).with(VIEWER)).andExpect(jsonPath("$.overrides[0].client").value("partner"));
	}

	@Test
	void keepsTheCurrentDefaultThroughARollback() throws Exception {
		set(OTHER_POLICY, OPERATOR).andExpect(status().isOk());
		this.mvc
			.perform(post("/api/v1/routes").with(OPERATOR)
				.contentType(MediaType.APPLICATION_JSON)
				.content(route("before-rollback", "/api/before-rollback")))
			.andExpect(status().isCreated());
		ConfigSnapshot target = current();
		this.mvc.perform(delete("/api/v1/routes/before-rollback").with(OPERATOR)).andExpect(status().isNoContent());
		set(POLICY, OPERATOR).andExpect(status().isOk());
		this.mvc.perform(post("/api/v1/config/rollback/" + target.version()).with(OPERATOR))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.defaultRateLimit.key").value("api-key"));
		ConfigSnapshot rolledBack = current();
		assertThat(rolledBack.routes()).isEqualTo(target.routes());
		assertThat(rolledBack.defaultRateLimit()).isNotNull();
		assertThat(rolledBack.defaultRateLimit().key()).isEqualTo(RateLimitPolicy.KeyType.API_KEY);
		assertThat(rolledBack.hash()).isNotEqualTo(target.hash());
		assertAcceptableToGateways(rolledBack);
		this.mvc.perform(get(PATH).with(VIEWER)).andExpect(jsonPath("$.permits").value(100));
		this.mvc.perform(delete("/api/v1/routes/before-rollback").with(OPERATOR)).andExpect(status().isNoContent());
	}

	/**
	 * Gateways refuse a snapshot whose hash does not match its content, or that breaks
	 * any other constraint.
	 */
	private void assertAcceptableToGateways(ConfigSnapshot snapshot) {
		assertThat(snapshot.hash())
			.isEqualTo(ConfigSnapshot.contentHash(snapshot.routes(), snapshot.apiKeys(), snapshot.defaultRateLimit()));
		assertThat(ConfigViolations.of(this.validator, snapshot)).isEmpty();
	}

	private ResultActions set(String body, RequestPostProcessor login) throws Exception {
		return this.mvc.perform(put(PATH).with(login).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ConfigSnapshot current() throws Exception {
		return ConfigJson.readSnapshot(this.mvc.perform(get("/api/v1/config").with(VIEWER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static ResultActions forbidden(ResultActions result) throws Exception {
		return problem(result, 403, "insufficient-role");
	}

	private static ResultActions problem(ResultActions result, int status, String type) throws Exception {
		return result.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:" + type))
			.andExpect(jsonPath("$.status").value(status));
	}

	private static List<String> fields(MvcResult result) throws Exception {
		return JsonPath.read(result.getResponse().getContentAsString(), "$.errors[*].field");
	}

	private static String route(String id, String path) {
		return """
				{"id": "%s", "match": {"path": "%s", "methods": ["GET"]},
				 "stable": {"uris": ["%s"], "function": "homePage"}}""".formatted(id, path, ApiTest.FUNCTIONS_URI);
	}

}
