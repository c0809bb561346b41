package dev.frontline.admin.fleet;

import java.time.Duration;
import java.util.List;

import dev.frontline.admin.ApiTest;
import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.contract.LatencyHistogram;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static dev.frontline.admin.Logins.VIEWER;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApiTest
class FleetApiTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ConfigVersions versions;

	@Test
	void showsAGatewayThatAppliedTheCurrentVersionAsInSync() throws Exception {
		long current = this.versions.headVersion();
		heartbeat("gw-in-sync", """
				{"appliedVersion": %d, "appliedHash": "sha256:abc", "error": null,
				 "startedAt": "2026-11-21T10:00:00Z", "controlPlaneConnected": true}""".formatted(current))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/gateways").with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == 'gw-in-sync')].appliedVersion").value((int) current))
			.andExpect(jsonPath("$[?(@.id == 'gw-in-sync')].appliedHash").value("sha256:abc"))
			.andExpect(jsonPath("$[?(@.id == 'gw-in-sync')].startedAt").value("2026-11-21T10:00:00Z"))
			.andExpect(jsonPath("$[?(@.id == 'gw-in-sync')].controlPlaneConnected").value(true))
			.andExpect(jsonPath("$[?(@.id == 'gw-in-sync')].inSync").value(true))
			.andExpect(jsonPath("$[?(@.id == 'gw-in-sync')].status").value("up"));
	}

	@Test
	void showsAGatewayBehindTheCurrentVersionAsOutOfSyncWithItsError() throws Exception {
		heartbeat("gw-behind", """
				{"appliedVersion": 0, "appliedHash": null, "error": "route x: bad regex",
				 "startedAt": "2026-11-21T10:00:00Z", "controlPlaneConnected": false}""")
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/gateways").with(VIEWER))
			.andExpect(jsonPath("$[?(@.id == 'gw-behind')].inSync").value(false))
			.andExpect(jsonPath("$[?(@.id == 'gw-behind')].error").value("route x: bad regex"))
			.andExpect(jsonPath("$[?(@.id == 'gw-behind')].controlPlaneConnected").value(false));
	}

	@Test
	void keepsOnlyTheLatestHeartbeatOfAGateway() throws Exception {
		heartbeat("gw-twice", "{\"appliedVersion\": 1, \"startedAt\": \"2026-11-21T10:00:00Z\"}");
		heartbeat("gw-twice", "{\"appliedVersion\": 2, \"startedAt\": \"2026-11-21T10:00:00Z\"}");
		this.mvc.perform(get("/api/v1/gateways").with(VIEWER))
			.andExpect(jsonPath("$[?(@.id == 'gw-twice')]").value(hasSize(1)))
			.andExpect(jsonPath("$[?(@.id == 'gw-twice')].appliedVersion").value(2));
	}

	@Test
	void showsAGatewayAsStaleWhenItStopsReporting() throws Exception {
		heartbeat("gw-going-stale", "{\"appliedVersion\": 1, \"startedAt\": \"2026-11-21T10:00:00Z\"}");
		this.mvc.perform(get("/api/v1/gateways").with(VIEWER))
			.andExpect(jsonPath("$[?(@.id == 'gw-going-stale')].status").value("up"));
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> this.mvc.perform(get("/api/v1/gateways").with(VIEWER))
				.andExpect(jsonPath("$[?(@.id == 'gw-going-stale')].status").value("stale")));
	}

	@Test
	void rejectsAHeartbeatWithABadIdOrVersion() throws Exception {
		heartbeat("bad id!", "{\"appliedVersion\": 1}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:invalid-request"))
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		heartbeat("gw-negative", "{\"appliedVersion\": -1}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("appliedVersion"));
		heartbeat("gw-wrong-type", "{\"appliedVersion\": \"latest\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:malformed-request"))
			.andExpect(jsonPath("$.errors[0].field").value("appliedVersion"));
	}

	@Test
	void countsAHeartbeatWithFieldsOnlyANewerGatewayKnows() throws Exception {
		List<Long> latency = LatencyHistogram.empty().plus(5).plus(5).counts();
		heartbeat("gw-newer", """
				{"appliedVersion": 1, "startedAt": "2026-11-21T10:00:00Z", "region": "eu-west",
				 "stats": [{"route": "newer-route", "variant": "stable", "status2xx": 2, "latency": %s,
				            "p999Ms": 12}]}""".formatted(latency)).andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/gateways").with(VIEWER))
			.andExpect(jsonPath("$[?(@.id == 'gw-newer')].appliedVersion").value(1))
			.andExpect(jsonPath("$[?(@.id == 'gw-newer')].status").value("up"));
	}

	private ResultActions heartbeat(String id, String body) throws Exception {
		return this.mvc.perform(
				post("/api/v1/gateways/{id}/status", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiTest.TOKEN)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body));
	}

}
