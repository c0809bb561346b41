package dev.frontline.admin.snapshot;

import java.util.ArrayList;
import java.util.List;

import dev.frontline.admin.ApiTest;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static dev.frontline.admin.Logins.ALICE;
import static dev.frontline.admin.Logins.OPERATOR;
import static dev.frontline.admin.Logins.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApiTest
class ConfigApiTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private SnapshotPublisher publisher;

	@Autowired
	private JsonMapper json;

	@Test
	void seedsTheDemoRoutesAsVersionOne() throws Exception {
		this.mvc.perform(get("/api/v1/config/versions/1").with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.createdBy").value("system"))
			.andExpect(jsonPath("$.routes[?(@.id == 'web-home')].stable.function").value("homePage|webView"))
			.andExpect(jsonPath("$.routes[?(@.id == 'mobile-home')].match.path").value("/api/m/home"))
			.andExpect(jsonPath("$.routes[?(@.id == 'product')].auth.mode").value("public"))
			.andExpect(jsonPath("$.routes[0].stable.uris[0]").value(ApiTest.FUNCTIONS_URI));
		this.mvc.perform(get("/api/v1/config/versions?limit=1000").with(VIEWER))
			.andExpect(jsonPath("$[-1:].version").value(1))
			.andExpect(jsonPath("$[-1:].summary").value("seed"))
			.andExpect(jsonPath("$[-1:].routeCount").value(3));
	}

	@Test
	void servesTheCurrentSnapshot() throws Exception {
		ConfigSnapshot published = publishWith("current-snapshot");
		JsonNode current = read("/api/v1/config");
		assertThat(current.path("version").asLong()).isGreaterThanOrEqualTo(published.version());
		assertThat(current.path("routes").findValuesAsString("id")).contains("current-snapshot");
	}

	@Test
	void listsVersionsNewestFirst() throws Exception {
		ConfigSnapshot older = publishWith("history-one");
		ConfigSnapshot newer = publishWith("history-two");
		JsonNode versions = read("/api/v1/config/versions");
		assertThat(versions.get(0).path("version").asLong()).isGreaterThanOrEqualTo(newer.version());
		JsonNode entry = find(versions, newer.version());
		assertThat(entry.path("summary").asString()).isEqualTo("test history-two");
		assertThat(entry.path("createdBy").asString()).isEqualTo("tester");
		assertThat(entry.path("hash").asString()).isEqualTo(newer.hash());
		assertThat(entry.path("routeCount").asInt()).isEqualTo(newer.routes().size());
		assertThat(entry.path("createdAt").asString()).isNotEmpty();
		assertThat(find(versions, older.version()).path("summary").asString()).isEqualTo("test history-one");
	}

	@Test
	void servesAnOlderVersion() throws Exception {
		ConfigSnapshot older = publishWith("older-version");
		publishWith("newer-version");
		this.mvc.perform(get("/api/v1/config/versions/" + older.version()).with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(older.version()))
			.andExpect(jsonPath("$.hash").value(older.hash()))
			.andExpect(jsonPath("$.routes[?(@.id == 'newer-version')]").isEmpty());
	}

	@Test
	void answersNotFoundForAnUnknownVersion() throws Exception {
		this.mvc.perform(get("/api/v1/config/versions/999999").with(VIEWER))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:version-not-found"));
		this.mvc.perform(post("/api/v1/config/rollback/999999").with(OPERATOR))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:version-not-found"));
	}

	@Test
	void namesAMalformedVersion() throws Exception {
		this.mvc.perform(get("/api/v1/config/versions/latest").with(VIEWER))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:malformed-request"))
			.andExpect(jsonPath("$.errors[0].field").value("version"));
	}

	@Test
	void rollsBackByPublishingTheOldContentAsANewVersion() throws Exception {
		ConfigSnapshot target = publishWith("rollback-target");
		ConfigSnapshot later = publishWith("rollback-later");
		long head = Long.parseLong(this.mvc.perform(get("/api/v1/config").with(VIEWER))
			.andReturn()
			.getResponse()
			.getHeader("X-Config-Version"));
		this.mvc.perform(post("/api/v1/config/rollback/" + target.version()).with(ALICE))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/config/versions/" + (head + 1)))
			.andExpect(header().string("X-Config-Version", String.valueOf(head + 1)))
			.andExpect(jsonPath("$.version").value(head + 1))
			.andExpect(jsonPath("$.hash").value(target.hash()))
			.andExpect(jsonPath("$.createdBy").value("alice"));
		JsonNode current = read("/api/v1/config");
		assertThat(current.path("hash").asString()).isEqualTo(target.hash()).isNotEqualTo(later.hash());
		assertThat(current.path("routes").findValuesAsString("id")).contains("rollback-target")
			.doesNotContain("rollback-later");
		assertThat(read("/api/v1/config/versions").get(0).path("summary").asString())
			.isEqualTo("rollback to " + target.version());
	}

	private ConfigSnapshot publishWith(String id) {
		RouteRule route = RouteRule.of(id, RouteMatch.of("/api/" + id, "GET"), Target.of(ApiTest.FUNCTIONS_URI, "f"));
		return this.publisher.publish("tester", "test " + id, (current) -> {
			List<RouteRule> routes = new ArrayList<>(current.routes());
			routes.add(route);
			return routes;
		}).orElseThrow();
	}

	private JsonNode read(String path) throws Exception {
		return this.json.readTree(this.mvc.perform(get(path).with(VIEWER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static JsonNode find(JsonNode versions, long version) {
		for (JsonNode entry : versions) {
			if (entry.path("version").asLong() == version) {
				return entry;
			}
		}
		throw new AssertionError("No version " + version + " in " + versions);
	}

}
