package dev.frontline.admin.fleet;

import dev.frontline.admin.ApiTest;
import dev.frontline.admin.Html;
import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.LatencyHistogram;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static dev.frontline.admin.Visitors.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The overview's fragments of the fleet: each gateway with the version it serves, and the
 * traffic per route from their heartbeats.
 */
@ApiTest
class FleetPagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ConfigVersions versions;

	@Test
	void showsEachGatewayAndWhetherItServesTheCurrentVersion() throws Exception {
		long current = this.versions.headVersion();
		heartbeat("page-gw-current", current, "[]");
		heartbeat("page-gw-behind", current - 1, "[]");
		Document fragment = Html
			.of(this.mvc.perform(get("/overview/gateways").with(VIEWER)).andExpect(status().isOk()));
		assertThat(row(fragment, "page-gw-current").select("td").eachText()).contains(String.valueOf(current),
				"in sync", "up", "connected");
		assertThat(row(fragment, "page-gw-behind").select("td").eachText()).contains(String.valueOf(current - 1),
				"not on current version " + current);
	}

	@Test
	void showsTheRequestAndErrorRatesOfEachRouteAndSide() throws Exception {
		String latency = ConfigJson.mapper().writeValueAsString(LatencyHistogram.empty().plus(20));
		heartbeat("page-gw-traffic", this.versions.headVersion(), """
				[{"route": "page-traffic", "variant": "stable", "status2xx": 290, "status4xx": 0, "status5xx": 10,
				  "latency": %s},
				 {"route": "page-traffic", "variant": "canary", "status2xx": 27, "status4xx": 0, "status5xx": 3,
				  "latency": %s}]""".formatted(latency, latency));
		Document fragment = Html.of(this.mvc.perform(get("/overview/traffic").with(VIEWER)).andExpect(status().isOk()));
		Element total = fragment.select("#traffic-table tr.total:has(a:containsOwn(page-traffic))").first();
		assertThat(total.select("td").eachText()).contains("330", "1.10", "3.94%");
		assertThat(fragment.select("#traffic-table tbody:has(a:containsOwn(page-traffic)) tr.side td").eachText())
			.contains("stable", "canary", "3.33%", "10.00%");
	}

	@Test
	void loadsEachSectionOfTheOverviewAndRefreshesIt() throws Exception {
		Document page = Html.of(this.mvc.perform(get("/").with(VIEWER)).andExpect(status().isOk()));
		assertThat(page.select("[hx-get]").eachAttr("hx-get")).containsExactly("/overview/gateways",
				"/overview/releases", "/overview/traffic");
		assertThat(page.select("[hx-get]").eachAttr("hx-trigger")).containsOnly("load, every 5s");
	}

	private void heartbeat(String gateway, long version, String stats) throws Exception {
		this.mvc
			.perform(post("/api/v1/gateways/" + gateway + "/status")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiTest.TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"appliedVersion\": %d, \"controlPlaneConnected\": true, \"stats\": %s}".formatted(version,
						stats)))
			.andExpect(status().isNoContent());
	}

	private static Element row(Document fragment, String gateway) {
		return fragment.select("#gateway-table tr:has(td:containsOwn(" + gateway + "))").first();
	}

}
