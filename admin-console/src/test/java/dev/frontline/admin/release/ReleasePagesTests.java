package dev.frontline.admin.release;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.frontline.admin.ApiTest;
import dev.frontline.admin.Html;
import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.contract.CanaryTarget;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.frontline.admin.Logins.OPERATOR;
import static dev.frontline.admin.Visitors.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The releases pages: starting a release with the API's checks, its live view with the
 * decisions its state allows, the analysis log, and the overview's active releases.
 */
@ApiTest
class ReleasePagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ConfigVersions versions;

	@Autowired
	private Releases releases;

	@Autowired
	private ReleaseEvaluations evaluations;

	/**
	 * Leaves no release active: a rollback in another test of the shared store would
	 * abort it and publish a version of its own.
	 */
	@AfterEach
	void abortActiveReleases() throws Exception {
		for (long id : this.releases.active()) {
			this.mvc.perform(post("/api/v1/releases/" + id + "/abort").with(OPERATOR)).andExpect(status().isOk());
		}
	}

	@Test
	void offersTheDefaultsForAReleaseOfARoute() throws Exception {
		route("page-release-defaults");
		Document form = Html.of(
				this.mvc
					.perform(get("/releases/new").param("routeId", "page-release-defaults")
						.with(user("operator").roles("OPERATOR")))
					.andExpect(status().isOk()));
		assertThat(form.select("#routeId option[selected]").val()).isEqualTo("page-release-defaults");
		assertThat(form.select("#canaryUris").text()).isEqualTo(ApiTest.FUNCTIONS_URI);
		assertThat(form.select("#steps").val()).isEqualTo("5, 25, 50, 100");
		assertThat(form.select("#maxErrorRate").val()).isEqualTo("0.05");
		assertThat(form.select("#maxP99Ms").val()).isEqualTo("500");
		assertThat(form.select("#failureThreshold").val()).isEqualTo("2");
	}

	@Test
	void startsAReleaseFromTheFormAsTheApiDoes() throws Exception {
		route("page-release-start");
		long before = this.versions.headVersion();
		MvcResult started = this.mvc.perform(start("page-release-start", "steps", "10, 50, 100", "mode", "manual"))
			.andExpect(status().isFound())
			.andReturn();
		long id = Long.parseLong(started.getResponse().getRedirectedUrl().substring("/releases/".length()));
		assertThat((String) started.getFlashMap().get("notice")).isEqualTo(
				"Started release " + id + " of route page-release-start at 10%; published as version " + (before + 1));
		Release release = this.releases.find(id).orElseThrow();
		assertThat(release.state()).isEqualTo(ReleaseState.RUNNING);
		assertThat(release.mode()).isEqualTo(ReleaseMode.MANUAL);
		assertThat(release.createdBy()).isEqualTo("operator");
		CanaryTarget canary = this.versions.current().route("page-release-start").orElseThrow().canary();
		assertThat(canary.weight()).isEqualTo(10);
		assertThat(canary.target().uris()).containsExactly("http://127.0.0.1:2");
	}

	@Test
	void showsTheErrorsOfAnInvalidReleaseNextToTheirInputs() throws Exception {
		route("page-release-invalid");
		long before = this.versions.headVersion();
		Document unreadable = Html
			.of(this.mvc.perform(start("page-release-invalid", "interval", "soon", "maxErrorRate", "low"))
				.andExpect(status().isOk()));
		assertThat(Html.errorsNextTo(unreadable, "interval"))
			.containsExactly("must be a duration such as 30s, 5m or 1h");
		assertThat(Html.errorsNextTo(unreadable, "maxErrorRate")).containsExactly("must be a number");

		Document invalid = Html.of(
				this.mvc
					.perform(start("page-release-invalid", "steps", "50, 20", "interval", "2h", "maxErrorRate", "2",
							"canaryUris", "ftp://nowhere"))
					.andExpect(status().isOk()));
		assertThat(Html.errorsNextTo(invalid, "steps")).containsExactly("must end with 100",
				"must be greater than the step before (50) (steps[1])");
		assertThat(Html.errorsNextTo(invalid, "interval")).containsExactly("must be between 1s and 1h");
		assertThat(Html.errorsNextTo(invalid, "maxErrorRate")).containsExactly("must be between 0 and 1");
		assertThat(Html.errorsNextTo(invalid, "canaryUris")).hasSize(1);
		assertThat(invalid.select("#steps").val()).isEqualTo("50, 20");
		assertThat(this.versions.headVersion()).isEqualTo(before);
	}

	@Test
	void refusesASecondReleaseOfARouteAtTheTopOfTheForm() throws Exception {
		route("page-release-twice");
		this.mvc.perform(start("page-release-twice")).andExpect(status().isFound());
		Document refused = Html.of(this.mvc.perform(start("page-release-twice")).andExpect(status().isOk()));
		assertThat(refused.select(".form-errors li").text()).contains("Cannot start another release");
	}

	@Test
	void offersOnlyTheDecisionsTheStateAllows() throws Exception {
		long id = started("page-release-decisions");
		assertThat(decisions(id)).containsExactly("pause", "promote", "abort");

		this.mvc.perform(post("/releases/" + id + "/pause").with(user("alice").roles("OPERATOR")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("notice", startsWith("Paused release " + id)));
		assertThat(this.releases.find(id).orElseThrow().state()).isEqualTo(ReleaseState.PAUSED);
		assertThat(decisions(id)).containsExactly("resume", "promote", "abort");

		this.mvc.perform(post("/releases/" + id + "/resume").with(user("alice").roles("OPERATOR")).with(csrf()))
			.andExpect(status().isFound());
		this.mvc.perform(post("/releases/" + id + "/abort").with(user("alice").roles("OPERATOR")).with(csrf()))
			.andExpect(status().isFound());
		Release aborted = this.releases.find(id).orElseThrow();
		assertThat(aborted.state()).isEqualTo(ReleaseState.ABORTED);
		assertThat(aborted.weight()).isZero();
		assertThat(decisions(id)).isEmpty();

		String audit = this.mvc.perform(get("/api/v1/audit?target=release/" + id).with(OPERATOR))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(audit, "$[*].action")).containsExactly("release.abort", "release.resume",
				"release.pause", "release.start");
		assertThat(JsonPath.<List<String>>read(audit, "$[0:3].actor")).containsOnly("alice");
	}

	@Test
	void keepsRefreshingTheLiveViewOnlyWhileTheReleaseIsActive() throws Exception {
		long id = started("page-release-live");
		Document running = page(id);
		assertThat(running.select("#live").attr("hx-get")).isEqualTo("/releases/" + id + "/live");
		assertThat(running.select("#live").attr("hx-trigger")).isEqualTo("every 5s");
		Document fragment = Html
			.of(this.mvc.perform(get("/releases/" + id + "/live").with(VIEWER)).andExpect(status().isOk()));
		assertThat(fragment.select("#release-state").text()).isEqualTo("running");
		assertThat(fragment.select("h1")).as("only the live part").isEmpty();

		this.mvc.perform(post("/releases/" + id + "/promote").with(user("operator").roles("OPERATOR")).with(csrf()))
			.andExpect(status().isFound());
		Document promoted = page(id);
		assertThat(promoted.select("#release-state").text()).isEqualTo("promoted");
		assertThat(promoted.select("#release-weight").text()).isEqualTo("100%");
		assertThat(promoted.select("#live").hasAttr("hx-trigger")).isFalse();
	}

	@Test
	void answersAnIllegalDecisionWithTheProblemOnTheErrorPage() throws Exception {
		long id = started("page-release-illegal");
		Document page = Html.of(this.mvc
			.perform(post("/releases/" + id + "/resume").with(user("operator").roles("OPERATOR")).with(csrf()))
			.andExpect(status().isConflict()));
		assertThat(page.select("#problem-detail").text())
			.isEqualTo("Release " + id + " is running; only a paused release can be resumed");
	}

	@Test
	void setsTheWeightOfAManualReleaseWithinTheApisBounds() throws Exception {
		route("page-release-manual");
		MvcResult started = this.mvc.perform(start("page-release-manual", "mode", "manual"))
			.andExpect(status().isFound())
			.andReturn();
		String url = started.getResponse().getRedirectedUrl();
		long id = Long.parseLong(url.substring("/releases/".length()));
		assertThat(decisions(id)).containsExactly("pause", "promote", "abort", "set-weight");

		this.mvc
			.perform(post(url + "/weight").param("weight", "140").with(user("operator").roles("OPERATOR")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("problems", List.of("weight must be less than or equal to 100")));
		this.mvc
			.perform(post(url + "/weight").param("weight", "40").with(user("operator").roles("OPERATOR")).with(csrf()))
			.andExpect(status().isFound());
		assertThat(this.releases.find(id).orElseThrow().weight()).isEqualTo(40);
	}

	@Test
	void showsEachEvaluationInTheAnalysisLog() throws Exception {
		long id = started("page-release-analysed");
		Instant now = Instant.now();
		this.evaluations.add(new Evaluation(0, id, now, 0, 5, now.minusSeconds(60), now, Evaluation.Verdict.FAIL,
				Evaluation.Action.HOLD, 1, new Evaluation.Figures(200, 40, 0.2, 120),
				new Evaluation.Figures(2000, 20, 0.01, 100), Analysis.DEFAULTS,
				List.of(Evaluation.Check.atMost("maxErrorRate", 0.2, 0.05),
						Evaluation.Check.atMost("maxP99Ms", 120, 500)),
				List.of("1 of 2 failed evaluations in a row before a rollback")));
		Document page = page(id);
		assertThat(page.select("#evaluation-table tbody tr")).hasSize(1);
		assertThat(page.select("#evaluation-table tbody td").eachText()).contains("fail", "hold",
				"200 · 20.00% · 120 ms", "2000 · 1.00% · 100 ms");
		assertThat(page.select("#evaluation-table .badge.bad").eachText())
			.containsExactly("maxErrorRate 0.200 > 0.050");
		assertThat(page.select("canvas[data-evaluations]").eachAttr("data-evaluations"))
			.containsOnly("/api/v1/releases/" + id + "/evaluations?limit=200");
	}

	@Test
	void listsActiveReleasesOnTheOverview() throws Exception {
		long id = started("page-release-overview");
		Document fragment = Html
			.of(this.mvc.perform(get("/overview/releases").with(VIEWER)).andExpect(status().isOk()));
		assertThat(fragment.select("#active-release-table a").eachText()).contains("#" + id);
		Document list = Html.of(this.mvc.perform(get("/releases").with(VIEWER)).andExpect(status().isOk()));
		assertThat(list.select("#release-table a").eachText()).contains("#" + id, "page-release-overview");
	}

	private long started(String routeId) throws Exception {
		route(routeId);
		String url = this.mvc.perform(start(routeId))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(url.substring("/releases/".length()));
	}

	private Document page(long id) throws Exception {
		return Html.of(this.mvc.perform(get("/releases/" + id).with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk()));
	}

	private List<String> decisions(long id) throws Exception {
		return page(id).select(".decisions button").eachAttr("id");
	}

	private void route(String id) throws Exception {
		this.mvc
			.perform(post("/api/v1/routes").with(OPERATOR)
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"id": "%s", "match": {"path": "/api/pages/%s"}, "stable": {"uris": ["%s"], "function": "product"}}"""
							.formatted(id, id, ApiTest.FUNCTIONS_URI)))
			.andExpect(status().isCreated());
	}

	/**
	 * A post of the release form for a valid release of the given route, but for the
	 * given fields, named and valued in turn.
	 */
	private static MockHttpServletRequestBuilder start(String routeId, String... fields) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("routeId", routeId);
		values.put("canaryUris", "http://127.0.0.1:2");
		values.put("canaryFunction", "product");
		values.put("steps", "10, 100");
		values.put("interval", "1h");
		values.put("mode", "auto");
		values.put("sticky", "user");
		values.put("variantHeader", "true");
		for (int i = 0; i < fields.length; i += 2) {
			values.put(fields[i], fields[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/releases").with(user("operator").roles("OPERATOR")).with(csrf());
		values.forEach((name, value) -> request.param(name, value));
		return request;
	}

}
