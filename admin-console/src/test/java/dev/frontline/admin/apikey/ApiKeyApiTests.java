package dev.frontline.admin.apikey;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.frontline.admin.ApiTest;
import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.contract.ApiKey;
import dev.frontline.contract.ConfigSnapshot;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static dev.frontline.admin.Logins.ADMIN;
import static dev.frontline.admin.Logins.OPERATOR;
import static dev.frontline.admin.Logins.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApiTest
class ApiKeyApiTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ConfigVersions versions;

	@Test
	void issuesAKeyOnceAndPublishesOnlyItsHash() throws Exception {
		long before = this.versions.headVersion();
		MvcResult result = issue("{\"client\": \"partner-app\", \"scopes\": [\"catalog:read\"]}")
			.andExpect(status().isCreated())
			.andExpect(header().string("X-Config-Version", String.valueOf(before + 1)))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")))
			.andExpect(jsonPath("$.client").value("partner-app"))
			.andExpect(jsonPath("$.scopes[0]").value("catalog:read"))
			.andExpect(jsonPath("$.createdAt").isNotEmpty())
			.andExpect(jsonPath("$.key", matchesPattern("fl_[a-z0-9]{12}_[A-Za-z0-9_-]{43}")))
			.andReturn();
		String key = JsonPath.read(result.getResponse().getContentAsString(), "$.key");
		String id = JsonPath.read(result.getResponse().getContentAsString(), "$.id");
		assertThat(ApiKey.idOf(key)).contains(id);
		assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/api-keys/" + id);

		ApiKey published = this.versions.current().apiKey(id).orElseThrow();
		assertThat(published.matches(key)).isTrue();
		assertThat(published.scopes()).containsExactly("catalog:read");
		String snapshot = this.mvc.perform(get("/api/v1/config").with(VIEWER))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(snapshot).contains(published.hash()).doesNotContain(key);

		String listing = list();
		assertThat(listing).contains(id).doesNotContain(key).doesNotContain(published.hash()).doesNotContain("sha256:");
		this.mvc.perform(get("/api/v1/config/versions").with(VIEWER))
			.andExpect(jsonPath("$[0].summary").value("issue API key " + id + " for partner-app"))
			.andExpect(jsonPath("$[0].createdBy").value("admin"));
	}

	@Test
	void listsEveryKeyWithoutSecrets() throws Exception {
		String id = issuedId("listed-app");
		this.mvc.perform(get("/api/v1/api-keys").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].client").value("listed-app"))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].createdBy").value("admin"))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].createdAt").isNotEmpty())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].revokedAt").value((Object) null))
			.andExpect(jsonPath("$[*].key").doesNotExist())
			.andExpect(jsonPath("$[*].hash").doesNotExist());
	}

	@Test
	void revokesAKeySoThatTheNextSnapshotDropsIt() throws Exception {
		String id = issuedId("revoked-app");
		long before = this.versions.headVersion();
		this.mvc.perform(delete("/api/v1/api-keys/{id}", id).with(ADMIN))
			.andExpect(status().isNoContent())
			.andExpect(header().string("X-Config-Version", String.valueOf(before + 1)));
		assertThat(this.versions.current().apiKey(id)).isEmpty();
		this.mvc.perform(get("/api/v1/api-keys").with(ADMIN))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].revokedAt").isNotEmpty())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].revokedBy").value("admin"));
		this.mvc.perform(get("/api/v1/config/versions").with(VIEWER))
			.andExpect(jsonPath("$[0].summary").value("revoke API key " + id));
	}

	@Test
	void revokesARevokedKeyWithoutPublishing() throws Exception {
		String id = issuedId("twice-revoked-app");
		this.mvc.perform(delete("/api/v1/api-keys/{id}", id).with(ADMIN)).andExpect(status().isNoContent());
		long before = this.versions.headVersion();
		this.mvc.perform(delete("/api/v1/api-keys/{id}", id).with(ADMIN))
			.andExpect(status().isNoContent())
			.andExpect(header().string("X-Config-Version", String.valueOf(before)));
		assertThat(this.versions.headVersion()).isEqualTo(before);
	}

	@Test
	void answersNotFoundForAnUnknownKey() throws Exception {
		long before = this.versions.headVersion();
		this.mvc.perform(delete("/api/v1/api-keys/zzzzzzzzzzzz").with(ADMIN))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:api-key-not-found"));
		assertThat(this.versions.headVersion()).isEqualTo(before);
	}

	@Test
	void rejectsAnInvalidRequestWithEveryFieldError() throws Exception {
		long before = this.versions.headVersion();
		assertThat(fields(
				invalid(issue("{\"client\": \" \", \"scopes\": [\"catalog:read\", \"has space\", \"quote\\\"\"]}"))
					.andExpect(jsonPath("$.detail").value("3 fields are invalid"))))
			.containsExactly("client", "scopes[1]", "scopes[2]");
		assertThat(fields(invalid(issue("{}")))).containsExactly("client");
		invalid(issue("{\"client\": \"" + "c".repeat(101) + "\"}"))
			.andExpect(jsonPath("$.errors[0].field").value("client"))
			.andExpect(jsonPath("$.errors[0].message", containsString("100")));
		issue("{\"client\": \"bad-scopes\", \"scopes\": \"catalog:read\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:malformed-request"))
			.andExpect(jsonPath("$.errors[0].field").value("scopes"));
		assertThat(this.versions.headVersion()).isEqualTo(before);
	}

	@Test
	void keepsTheKeysWhenRoutesChange() throws Exception {
		String id = issuedId("kept-app");
		this.mvc.perform(post("/api/v1/routes").with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content("""
				{"id": "after-key", "match": {"path": "/api/after-key", "methods": ["GET"]},
				 "stable": {"uris": ["%s"], "function": "product"}}""".formatted(ApiTest.FUNCTIONS_URI)))
			.andExpect(status().isCreated());
		ConfigSnapshot current = this.versions.current();
		assertThat(current.route("after-key")).isPresent();
		assertThat(current.apiKey(id)).isPresent();
	}

	@Test
	void keepsTheCurrentKeysOnRollback() throws Exception {
		String revoked = issuedId("revoked-before-rollback");
		long target = this.versions.headVersion();
		String issuedLater = issuedId("issued-after-target");
		this.mvc.perform(delete("/api/v1/api-keys/{id}", revoked).with(ADMIN)).andExpect(status().isNoContent());
		this.mvc.perform(post("/api/v1/config/rollback/" + target).with(OPERATOR)).andExpect(status().isCreated());
		ConfigSnapshot current = this.versions.current();
		assertThat(current.routes()).isEqualTo(this.versions.find(target).orElseThrow().routes());
		assertThat(current.apiKey(revoked)).isEmpty();
		assertThat(current.apiKey(issuedLater)).isPresent();
	}

	private ResultActions issue(String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/api-keys").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private String issuedId(String client) throws Exception {
		String body = issue("{\"client\": \"" + client + "\"}").andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private String list() throws Exception {
		return this.mvc.perform(get("/api/v1/api-keys").with(ADMIN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static List<String> fields(ResultActions result) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.errors[*].field");
	}

	private static ResultActions invalid(ResultActions result) throws Exception {
		return result.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:invalid-request"));
	}

}
