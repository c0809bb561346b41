package dev.frontline.admin.fleet;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.frontline.admin.ApiTest;
import dev.frontline.contract.LatencyHistogram;
import dev.frontline.contract.RouteStats;
import dev.frontline.contract.Variant;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static dev.frontline.admin.Logins.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The stats gateways report with their heartbeats, and the traffic overview.
 */
@ApiTest
class StatsApiTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private RouteStatsReports reports;

	@Test
	void sumsTheStatsOfEveryGatewayPerRouteAndVariant() throws Exception {
		heartbeat("gw-stats-1",
				stats("stats-overview", "stable", 90, 5, 5, 40) + "," + stats("stats-overview", "canary", 9, 0, 1, 40))
			.andExpect(status().isNoContent());
		this.mvc
			.perform(put("/api/v1/gateways/{id}/status", "gw-stats-2")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiTest.TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(stats("stats-overview", "stable", 100, 0, 0, 40))))
			.andExpect(status().isNoContent());
		String overview = this.mvc.perform(get("/api/v1/stats/routes?window=1m").with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.window").value("1m"))
			.andExpect(jsonPath("$.from").isString())
			.andExpect(jsonPath("$.to").isString())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Map<String, Object>> routes = JsonPath.read(overview, "$.routes[?(@.route == 'stats-overview')]");
		assertThat(routes).hasSize(1);
		Map<String, Object> route = routes.get(0);
		assertThat(route).containsEntry("requests", 210)
			.containsEntry("status2xx", 199)
			.containsEntry("status4xx", 5)
			.containsEntry("status5xx", 6);
		assertThat(number(route, "requestRate")).as("per second over 1m").isCloseTo(3.5, within(1e-9));
		assertThat(number(route, "errorRate")).isCloseTo(6 / 210.0, within(1e-9));
		assertThat(number(route, "p99Ms")).isCloseTo(39.9, within(0.01));
		List<Map<String, Object>> variants = JsonPath.read(route, "$.variants");
		assertThat(variants).extracting((variant) -> variant.get("variant")).containsExactly("stable", "canary");
		assertThat(variants).extracting((variant) -> variant.get("requests")).containsExactly(200, 10);
		assertThat(number(variants.get(1), "errorRate")).isCloseTo(0.1, within(1e-9));
	}

	@Test
	void mergesTheReportsReceivedInAWindow() {
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.reports.add("gw-window-1", start.minusMillis(1), List.of(stats(Variant.CANARY, 1000, 1000, 5)));
		this.reports.add("gw-window-1", start, List.of(stats(Variant.CANARY, 10, 1, 5)));
		this.reports.add("gw-window-2", start.plusSeconds(1), List.of(stats(Variant.CANARY, 20, 0, 500)));
		this.reports.add("gw-window-2", start.plusSeconds(1), List.of(stats(Variant.STABLE, 7, 0, 5)));
		this.reports.add("gw-window-1", start.plusSeconds(2), List.of(stats(Variant.CANARY, 1000, 1000, 5)));
		RouteStats merged = this.reports.merged("stats-window", Variant.CANARY, start, start.plusSeconds(2));
		assertThat(merged.route()).isEqualTo("stats-window");
		assertThat(merged.variant()).isEqualTo(Variant.CANARY);
		assertThat(merged.requests()).isEqualTo(30);
		assertThat(merged.status5xx()).isEqualTo(1);
		assertThat(merged.latency().total()).isEqualTo(30);
		assertThat(merged.latency().percentileMillis(0.99)).isCloseTo(498.5, within(0.1));
		assertThat(this.reports.merged("stats-window", Variant.STABLE, start, start.plusSeconds(2)).requests())
			.isEqualTo(7);
		assertThat(this.reports.merged("stats-nothing", Variant.CANARY, start, start.plusSeconds(2)))
			.isEqualTo(RouteStats.empty("stats-nothing", Variant.CANARY));
	}

	@Test
	void prunesReportsPastTheirRetention() {
		Instant old = Instant.parse("2020-01-01T00:00:00Z");
		this.reports.add("gw-pruned", old, List.of(new RouteStats("stats-pruned", Variant.STABLE, 5, 0, 0,
				LatencyHistogram.empty().plus(1).plus(1).plus(1).plus(1).plus(1))));
		assertThat(this.reports.merged("stats-pruned", Variant.STABLE, old, old.plusSeconds(1)).requests())
			.isEqualTo(5);
		assertThat(this.reports.pruneBefore(old.plusSeconds(1))).isPositive();
		assertThat(this.reports.merged("stats-pruned", Variant.STABLE, old, old.plusSeconds(1)).requests()).isZero();
	}

	@Test
	void rejectsABadStatsEntryNamingItsFieldAndKeepsNothing() throws Exception {
		Instant before = Instant.now().minusSeconds(1);
		String good = stats("stats-refused", "stable", 1, 0, 0, 5);
		heartbeat("gw-bad-stats", good + "," + stats("stats-refused", "stable", 1, 0, -1, 5))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:invalid-request"))
			.andExpect(jsonPath("$.errors[0].field").value("stats[1].status5xx"));
		heartbeat("gw-bad-stats", stats(" ", "stable", 1, 0, 0, 5)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("stats[0].route"));
		heartbeat("gw-bad-stats", "null").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", containsString("stats[0]")));
		heartbeat("gw-bad-stats", stats("stats-refused", "shadow", 1, 0, 0, 5)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:malformed-request"))
			.andExpect(jsonPath("$.errors[0].field").value("stats[0].variant"))
			.andExpect(jsonPath("$.errors[0].message").value("must be one of stable, canary"));
		heartbeat("gw-bad-stats",
				"{\"route\": \"stats-refused\", \"variant\": \"stable\", \"status2xx\": 1, \"latency\": [1, 2, 3]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:malformed-request"))
			.andExpect(jsonPath("$.errors[0].field").value("stats[0].latency"))
			.andExpect(jsonPath("$.errors[0].message").value("must have 25 bucket counts, not 3"));
		assertThat(
				this.reports.merged("stats-refused", Variant.STABLE, before, Instant.now().plusSeconds(1)).requests())
			.isZero();
		this.mvc.perform(get("/api/v1/gateways").with(VIEWER))
			.andExpect(jsonPath("$[?(@.id == 'gw-bad-stats')]").isEmpty());
	}

	@Test
	void rejectsAWindowOutsideTheRetention() throws Exception {
		for (String window : new String[] { "soon", "500ms", "25h" }) {
			this.mvc.perform(get("/api/v1/stats/routes?window=" + window).with(VIEWER))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("urn:frontline:problem:invalid-request"))
				.andExpect(jsonPath("$.errors[0].field").value("window"));
		}
		this.mvc.perform(get("/api/v1/stats/routes").with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.window").value("5m"));
		this.mvc.perform(get("/api/v1/stats/routes")).andExpect(status().isUnauthorized());
	}

	private static double number(Map<String, Object> json, String field) {
		return ((Number) json.get(field)).doubleValue();
	}

	private ResultActions heartbeat(String id, String stats) throws Exception {
		return this.mvc.perform(
				post("/api/v1/gateways/{id}/status", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiTest.TOKEN)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body(stats)));
	}

	private static String body(String stats) {
		return """
				{"appliedVersion": 1, "startedAt": "2026-11-21T10:00:00Z", "controlPlaneConnected": true,
				 "stats": [%s]}""".formatted(stats);
	}

	/**
	 * A stats entry as a gateway sends it, every request taking {@code latencyMs}.
	 */
	private static String stats(String route, String variant, long ok, long clientErrors, long serverErrors,
			long latencyMs) {
		long requests = Math.max(0, ok + clientErrors + serverErrors);
		LatencyHistogram latency = LatencyHistogram.empty();
		for (long i = 0; i < requests; i++) {
			latency = latency.plus(latencyMs);
		}
		return """
				{"route": "%s", "variant": "%s", "status2xx": %d, "status4xx": %d, "status5xx": %d, "latency": %s}"""
			.formatted(route, variant, ok, clientErrors, serverErrors, latency.counts());
	}

	private static RouteStats stats(Variant variant, long requests, long errors, long latencyMs) {
		LatencyHistogram latency = LatencyHistogram.empty();
		for (long i = 0; i < requests; i++) {
			latency = latency.plus(latencyMs);
		}
		return new RouteStats("stats-window", variant, requests - errors, 0, errors, latency);
	}

}
