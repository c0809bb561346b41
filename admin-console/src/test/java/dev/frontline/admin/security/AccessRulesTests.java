package dev.frontline.admin.security;

import dev.frontline.admin.ApiTest;
import dev.frontline.admin.snapshot.ConfigVersions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.frontline.admin.Logins.ADMIN;
import static dev.frontline.admin.Logins.OPERATOR;
import static dev.frontline.admin.Logins.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may call what on the REST API for people, and how refusals are answered.
 */
@ApiTest
class AccessRulesTests {

	private static final String BASIC_CHALLENGE = "Basic realm=\"frontline\"";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ConfigVersions versions;

	@Test
	void letsAViewerReadEverything() throws Exception {
		for (String path : new String[] { "/api/v1/routes", "/api/v1/routes/product", "/api/v1/config",
				"/api/v1/config/versions", "/api/v1/config/versions/1", "/api/v1/gateways", "/api/v1/releases",
				"/api/v1/audit", "/api/v1/stats/routes", "/api/v1/triggers", "/api/v1/api-keys" }) {
			this.mvc.perform(get(path).with(VIEWER)).andExpect(status().isOk());
		}
	}

	@Test
	void letsAViewerChangeNothing() throws Exception {
		long before = this.versions.headVersion();
		forbidden(this.mvc.perform(json(post("/api/v1/routes"), route("viewer-made")).with(VIEWER)))
			.andExpect(jsonPath("$.detail", containsString("'viewer' (role viewer) may not POST /api/v1/routes")));
		forbidden(this.mvc.perform(json(put("/api/v1/routes/product"), route(null)).with(VIEWER)));
		forbidden(this.mvc.perform(delete("/api/v1/routes/product").with(VIEWER)));
		forbidden(this.mvc.perform(post("/api/v1/config/rollback/1").with(VIEWER)));
		forbidden(this.mvc.perform(json(post("/api/v1/api-keys"), "{\"client\": \"viewer-app\"}").with(VIEWER)));
		forbidden(this.mvc.perform(json(post("/api/v1/triggers"),
				"{\"id\": \"viewer-made\", \"cron\": \"@hourly\", \"function\": \"report\"}")
			.with(VIEWER)));
		forbidden(this.mvc.perform(post("/api/v1/dead-letters/redrive").with(VIEWER)));
		assertThat(this.versions.headVersion()).isEqualTo(before);
	}

	@Test
	void letsAnOperatorChangeRoutesAndRollBackButNotApiKeys() throws Exception {
		long start = this.versions.headVersion();
		this.mvc.perform(json(post("/api/v1/routes"), route("operator-made")).with(OPERATOR))
			.andExpect(status().isCreated());
		this.mvc.perform(json(put("/api/v1/routes/operator-made"), route(null)).with(OPERATOR))
			.andExpect(status().isOk());
		this.mvc.perform(delete("/api/v1/routes/operator-made").with(OPERATOR)).andExpect(status().isNoContent());
		this.mvc.perform(post("/api/v1/config/rollback/" + start).with(OPERATOR)).andExpect(status().isCreated());
		long before = this.versions.headVersion();
		this.mvc.perform(get("/api/v1/api-keys").with(OPERATOR)).andExpect(status().isOk());
		forbidden(this.mvc.perform(json(post("/api/v1/api-keys"), "{\"client\": \"operator-app\"}").with(OPERATOR)))
			.andExpect(jsonPath("$.detail", containsString("(role operator)")));
		forbidden(this.mvc.perform(delete("/api/v1/api-keys/abcdefabcdef").with(OPERATOR)));
		assertThat(this.versions.headVersion()).isEqualTo(before);
	}

	@Test
	void letsAnAdminDoWhatAnOperatorMayAndManageApiKeys() throws Exception {
		this.mvc.perform(json(post("/api/v1/routes"), route("admin-made")).with(ADMIN)).andExpect(status().isCreated());
		this.mvc.perform(get("/api/v1/routes/admin-made").with(ADMIN)).andExpect(status().isOk());
		this.mvc.perform(json(post("/api/v1/api-keys"), "{\"client\": \"admin-app\"}").with(ADMIN))
			.andExpect(status().isCreated());
		this.mvc.perform(get("/api/v1/api-keys").with(ADMIN)).andExpect(status().isOk());
	}

	@Test
	void refusesChangesNoRuleAllowsEvenToAnAdmin() throws Exception {
		forbidden(this.mvc.perform(json(post("/api/v1/gateways"), "{}").with(ADMIN)));
		forbidden(this.mvc.perform(delete("/api/v1/config/versions/1").with(ADMIN)));
	}

	@Test
	void answersAnAnonymousCallWithABasicChallengeInsteadOfARedirect() throws Exception {
		unauthorized(this.mvc.perform(get("/api/v1/routes").accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON)))
			.andExpect(header().doesNotExist(HttpHeaders.LOCATION));
		unauthorized(this.mvc.perform(json(post("/api/v1/routes"), route("anonymous-made"))));
		unauthorized(this.mvc.perform(delete("/api/v1/api-keys/abcdefabcdef")));
	}

	@Test
	void answersWrongCredentialsWithABasicChallenge() throws Exception {
		unauthorized(this.mvc.perform(get("/api/v1/routes").with(httpBasic("operator", "guessed"))))
			.andExpect(jsonPath("$.detail").value("The user name or password is not valid"));
		unauthorized(this.mvc.perform(get("/api/v1/routes").with(httpBasic("nobody", "nobody"))));
		unauthorized(this.mvc.perform(get("/api/v1/routes").header(HttpHeaders.AUTHORIZATION, "Basic !!!")));
	}

	@Test
	void sendsAnAnonymousBrowserToTheLoginPage() throws Exception {
		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/login").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void takesBasicCredentialsWithoutCsrfTokenOrSession() throws Exception {
		MvcResult result = this.mvc.perform(json(post("/api/v1/routes"), route("basic-made")).with(OPERATOR))
			.andExpect(status().isCreated())
			.andReturn();
		assertThat(result.getRequest().getSession(false)).isNull();
		assertThat(result.getResponse().getHeader(HttpHeaders.SET_COOKIE)).isNull();
	}

	@Test
	void requiresTheCsrfTokenForChangesMadeWithTheSession() throws Exception {
		long before = this.versions.headVersion();
		csrfRefused(this.mvc
			.perform(json(post("/api/v1/routes"), route("session-made")).with(user("operator").roles("OPERATOR"))));
		assertThat(this.versions.headVersion()).isEqualTo(before);
		this.mvc
			.perform(json(post("/api/v1/routes"), route("session-made")).with(user("operator").roles("OPERATOR"))
				.with(csrf()))
			.andExpect(status().isCreated());
		this.mvc.perform(get("/api/v1/routes/session-made").with(user("viewer").roles("VIEWER")))
			.andExpect(status().isOk());
	}

	@Test
	void requiresTheCsrfTokenForBasicCredentialsABrowserSendsFromAnotherSite() throws Exception {
		long before = this.versions.headVersion();
		String rollback = "/api/v1/config/rollback/" + before;
		csrfRefused(this.mvc.perform(post(rollback).with(OPERATOR).header("Sec-Fetch-Site", "cross-site")));
		csrfRefused(this.mvc.perform(post(rollback).with(OPERATOR).header("Sec-Fetch-Site", "same-site")));
		assertThat(this.versions.headVersion()).isEqualTo(before);
		this.mvc.perform(post(rollback).with(OPERATOR).header("Sec-Fetch-Site", "same-origin"))
			.andExpect(status().isCreated());
	}

	private static ResultActions forbidden(ResultActions result) throws Exception {
		return problem(result, 403, "insufficient-role");
	}

	private static ResultActions csrfRefused(ResultActions result) throws Exception {
		return problem(result, 403, "invalid-csrf-token");
	}

	private static ResultActions unauthorized(ResultActions result) throws Exception {
		return problem(result, 401, "unauthorized")
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE));
	}

	private static ResultActions problem(ResultActions result, int status, String type) throws Exception {
		return result.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:" + type))
			.andExpect(jsonPath("$.status").value(status));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static String route(String id) {
		String idField = (id != null) ? "\"id\": \"" + id + "\", " : "";
		String path = "/api/access/" + ((id != null) ? id : "product-replaced");
		return """
				{%s"match": {"path": "%s", "methods": ["GET"]},
				 "stable": {"uris": ["%s"], "function": "product"}}""".formatted(idField, path, ApiTest.FUNCTIONS_URI);
	}

}
