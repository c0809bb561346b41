package dev.frontline.admin.audit;

import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.frontline.admin.ApiTest;
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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApiTest
class AuditApiTests {

	private static final String RATE_LIMIT = "/api/v1/config/default-rate-limit";

	@Autowired
	private MockMvc mvc;

	@Test
	void recordsEveryRouteChangeWithItsActor() throws Exception {
		createRoute("audited-route", "/api/audited-route", OPERATOR);
		this.mvc
			.perform(put("/api/v1/routes/audited-route").with(ALICE)
				.contentType(MediaType.APPLICATION_JSON)
				.content(route(null, "/api/audited-route-2")))
			.andExpect(status().isOk());
		this.mvc.perform(delete("/api/v1/routes/audited-route").with(OPERATOR)).andExpect(status().isNoContent());
		long deletedIn = head();
		audit("target=route/audited-route").andExpect(status().isOk())
			.andExpect(jsonPath("$[*].action", contains("route.delete", "route.update", "route.create")))
			.andExpect(jsonPath("$[*].actor", contains("operator", "alice", "operator")))
			.andExpect(jsonPath("$[*].target", everyItem(is("route/audited-route"))))
			.andExpect(jsonPath("$[0].detail").value("published as version " + deletedIn))
			.andExpect(jsonPath("$[0].at").isString())
			.andExpect(jsonPath("$[0].id").isNumber());
	}

	@Test
	void recordsARollbackWithTheVersionRolledBackTo() throws Exception {
		createRoute("audited-rollback", "/api/audited-rollback", OPERATOR);
		long target = head();
		this.mvc.perform(post("/api/v1/config/rollback/{version}", target).with(ALICE)).andExpect(status().isCreated());
		audit("action=config.rollback&target=version/" + target).andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].actor").value("alice"))
			.andExpect(jsonPath("$[0].detail")
				.value("published the routes of version " + target + " as version " + (target + 1)));
	}

	@Test
	void recordsIssuedAndRevokedApiKeysOnce() throws Exception {
		String issued = this.mvc
			.perform(post("/api/v1/api-keys").with(ADMIN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"client\": \"audited-client\", \"scopes\": [\"catalog:read\"]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(issued, "$.id");
		this.mvc.perform(delete("/api/v1/api-keys/{id}", id).with(ADMIN)).andExpect(status().isNoContent());
		this.mvc.perform(delete("/api/v1/api-keys/{id}", id).with(ADMIN)).andExpect(status().isNoContent());
		audit("target=api-key/" + id).andExpect(jsonPath("$[*].action", contains("api-key.revoke", "api-key.create")))
			.andExpect(jsonPath("$[*].actor", contains("admin", "admin")))
			.andExpect(jsonPath("$[1].detail", containsString("client audited-client, scopes [catalog:read]")))
			.andExpect(jsonPath("$[1].detail", not(containsString(JsonPath.<String>read(issued, "$.key")))));
	}

	@Test
	void recordsTheDefaultRateLimitBeingSetAndCleared() throws Exception {
		this.mvc
			.perform(put(RATE_LIMIT).with(ALICE)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"key\": \"client-ip\", \"permits\": 5, \"period\": \"1s\"}"))
			.andExpect(status().isOk());
		this.mvc.perform(delete(RATE_LIMIT).with(OPERATOR)).andExpect(status().isNoContent());
		audit("target=default-rate-limit&limit=2")
			.andExpect(jsonPath("$[*].action", contains("default-rate-limit.clear", "default-rate-limit.set")))
			.andExpect(jsonPath("$[*].actor", contains("operator", "alice")))
			.andExpect(jsonPath("$[1].detail", containsString("5 per 1s by client-ip")));
	}

	@Test
	void recordsNothingForARefusedChange() throws Exception {
		this.mvc
			.perform(post("/api/v1/routes").with(OPERATOR)
				.contentType(MediaType.APPLICATION_JSON)
				.content(route("refused-route", "no-slash")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(delete("/api/v1/routes/never-created").with(OPERATOR)).andExpect(status().isNotFound());
		audit("target=route/refused-route").andExpect(jsonPath("$").isEmpty());
		audit("target=route/never-created").andExpect(jsonPath("$").isEmpty());
	}

	@Test
	void filtersByActorActionAndTime() throws Exception {
		createRoute("audited-filter-one", "/api/audited-filter-one", ALICE);
		String first = audit("target=route/audited-filter-one").andReturn().getResponse().getContentAsString();
		Instant at = Instant.parse(JsonPath.read(first, "$[0].at"));
		createRoute("audited-filter-two", "/api/audited-filter-two", ALICE);
		audit("actor=alice&action=route.create&from=" + at)
			.andExpect(jsonPath("$[*].target", contains("route/audited-filter-two", "route/audited-filter-one")));
		audit("actor=alice&action=route.create&from=" + at + "&to=" + at.plusMillis(1))
			.andExpect(jsonPath("$[*].target", contains("route/audited-filter-one")));
		audit("actor=alice&action=route.create&to=" + at)
			.andExpect(jsonPath("$[*].target", not(hasItem("route/audited-filter-one"))));
		audit("actor=alice&action=route.create&limit=1").andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].target").value("route/audited-filter-two"));
		audit("actor=nobody").andExpect(jsonPath("$").isEmpty());
	}

	@Test
	void namesEveryBadFilter() throws Exception {
		MvcResult result = problem(audit("from=yesterday&to=2026-13-01T00:00:00Z&limit=0")).andReturn();
		assertThat(JsonPath.<List<String>>read(result.getResponse().getContentAsString(), "$.errors[*].field"))
			.containsExactly("from", "to", "limit");
		problem(audit("limit=many")).andExpect(jsonPath("$.errors[0].field").value("limit"))
			.andExpect(jsonPath("$.errors[0].message").value("must be a whole number from 1 to 1000"));
		problem(audit("limit=1001")).andExpect(jsonPath("$.errors[0].field").value("limit"));
		problem(audit("from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"))
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].message", containsString("must be after from")));
		problem(audit("to=2026-01-01")).andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].message", containsString("ISO-8601")));
	}

	@Test
	void letsAViewerReadTheAuditLog() throws Exception {
		this.mvc.perform(get("/api/v1/audit").with(VIEWER)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/audit")).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/api/v1/audit").with(ADMIN)).andExpect(status().isForbidden());
	}

	private ResultActions audit(String query) throws Exception {
		return this.mvc.perform(get("/api/v1/audit?" + query).with(VIEWER));
	}

	private void createRoute(String id, String path, RequestPostProcessor login) throws Exception {
		this.mvc
			.perform(
					post("/api/v1/routes").with(login).contentType(MediaType.APPLICATION_JSON).content(route(id, path)))
			.andExpect(status().isCreated());
	}

	private long head() throws Exception {
		return Long.parseLong(this.mvc.perform(get("/api/v1/config").with(VIEWER))
			.andReturn()
			.getResponse()
			.getHeader("X-Config-Version"));
	}

	private static ResultActions problem(ResultActions result) throws Exception {
		return result.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:invalid-request"));
	}

	private static String route(String id, String path) {
		String idField = (id != null) ? "\"id\": \"" + id + "\", " : "";
		return """
				{%s"match": {"path": "%s", "methods": ["GET"]},
				 "stable": {"uris": ["%s"], "function": "product"}}""".formatted(idField, path, ApiTest.FUNCTIONS_URI);
	}

}
