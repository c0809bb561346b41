package dev.frontline.admin.release;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.frontline.admin.ApiTest;
import dev.frontline.contract.CanaryTarget;
import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import io.micrometer.core.instrument.MeterRegistry;
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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The releases API on the shared store. Releases here step every hour, so no evaluation
 * interferes; the end-to-end integration tests cover the evaluations. Each test aborts
 * the releases it left active, since a rollback in another test would abort them and
 * publish versions that test does not expect.
 */
@ApiTest
class ReleaseApiTests {

	private static final Target CANARY = Target.of(ApiTest.FUNCTIONS_URI, "homePage|mobileView");

	private static final Target STABLE = Target.of(ApiTest.FUNCTIONS_URI, "homePage|webView");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MeterRegistry meters;

	@AfterEach
	void abortActiveReleases() throws Exception {
		for (String state : new String[] { "running", "paused" }) {
			String active = this.mvc.perform(get("/api/v1/releases?state=" + state).with(VIEWER))
				.andReturn()
				.getResponse()
				.getContentAsString();
			for (Number id : JsonPath.<List<Number>>read(active, "$[*].id")) {
				action(id.longValue(), "abort", OPERATOR).andExpect(status().isOk());
			}
		}
	}

	@Test
	void startsAReleaseWithTheCanaryAtTheFirstStep() throws Exception {
		createRoute("rel-start");
		long before = current().version();
		MvcResult result = start(release("rel-start", ""), OPERATOR).andExpect(status().isCreated())
			.andExpect(header().string("X-Config-Version", String.valueOf(before + 1)))
			.andExpect(header().string("X-Frontline-Warning", containsString("unreachable")))
			.andExpect(jsonPath("$.routeId").value("rel-start"))
			.andExpect(jsonPath("$.state").value("running"))
			.andExpect(jsonPath("$.mode").value("auto"))
			.andExpect(jsonPath("$.stepIndex").value(0))
			.andExpect(jsonPath("$.weight").value(5))
			.andExpect(jsonPath("$.steps", contains(5, 25, 50, 100)))
			.andExpect(jsonPath("$.interval").value("1h"))
			.andExpect(jsonPath("$.canary.function").value("homePage|mobileView"))
			.andExpect(jsonPath("$.stable.function").value("homePage|webView"))
			.andExpect(jsonPath("$.sticky").value("user"))
			.andExpect(jsonPath("$.overrides").value(false))
			.andExpect(jsonPath("$.variantHeader").value(true))
			.andExpect(jsonPath("$.analysis.maxErrorRate").value(0.05))
			.andExpect(jsonPath("$.analysis.maxP99Ms").value(500.0))
			.andExpect(jsonPath("$.analysis.maxErrorRateDelta").value(0.02))
			.andExpect(jsonPath("$.analysis.maxP99Ratio").value(1.5))
			.andExpect(jsonPath("$.analysis.minRequestsPerStep").value(50))
			.andExpect(jsonPath("$.analysis.failureThreshold").value(2))
			.andExpect(jsonPath("$.failureStreak").value(0))
			.andExpect(jsonPath("$.createdBy").value("operator"))
			.andExpect(jsonPath("$.createdAt").isString())
			.andExpect(jsonPath("$.stepStartedAt").isString())
			.andExpect(jsonPath("$.nextEvaluationAt").isString())
			.andExpect(jsonPath("$.finishedAt").isEmpty())
			.andExpect(jsonPath("$.evaluations").isEmpty())
			.andReturn();
		long id = id(result);
		assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/releases/" + id);
		ConfigSnapshot published = current();
		assertThat(published.version()).isEqualTo(before + 1);
		assertThat(published.route("rel-start").orElseThrow().canary())
			.isEqualTo(new CanaryTarget(CANARY, 5, CanaryTarget.StickyKey.USER, false, true));
		assertThat(published.route("rel-start").orElseThrow().stable()).isEqualTo(STABLE);
		this.mvc.perform(get("/api/v1/config/versions").with(VIEWER))
			.andExpect(jsonPath("$[0].summary").value(containsString("release " + id + " of route rel-start: started")))
			.andExpect(jsonPath("$[0].createdBy").value("operator"));
		this.mvc.perform(get("/api/v1/releases/{id}", id).with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.weight").value(5))
			.andExpect(jsonPath("$.evaluations").isArray());
		this.mvc.perform(get("/api/v1/releases/{id}/evaluations", id).with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$").isEmpty());
	}

	@Test
	void takesTheStickinessOverridesVariantHeaderModeAndThresholdsAsked() throws Exception {
		createRoute("rel-options");
		String options = """
				, "sticky": "cookie", "overrides": true, "variantHeader": false, "mode": "manual",
				 "analysis": {"maxErrorRate": 0.1, "minRequestsPerStep": 500}""";
		start(release("rel-options", options), OPERATOR).andExpect(status().isCreated())
			.andExpect(jsonPath("$.mode").value("manual"))
			.andExpect(jsonPath("$.nextEvaluationAt").isEmpty())
			.andExpect(jsonPath("$.analysis.maxErrorRate").value(0.1))
			.andExpect(jsonPath("$.analysis.minRequestsPerStep").value(500))
			.andExpect(jsonPath("$.analysis.maxP99Ms").value(500.0))
			.andExpect(jsonPath("$.analysis.failureThreshold").value(2));
		assertThat(current().route("rel-options").orElseThrow().canary())
			.isEqualTo(new CanaryTarget(CANARY, 5, CanaryTarget.StickyKey.COOKIE, true, false));
	}

	@Test
	void rejectsAnInvalidReleaseWithEveryFieldErrorAndStartsNothing() throws Exception {
		long before = current().version();
		String invalid = """
				{"routeId": "no-such-route",
				 "canary": {"uris": ["ftp://nowhere"], "function": "not a function"},
				 "steps": [0, 50, 40, 99], "interval": "2h",
				 "analysis": {"maxErrorRate": 1.5, "maxP99Ms": 0, "maxErrorRateDelta": -0.1, "maxP99Ratio": -1,
				              "minRequestsPerStep": 0, "failureThreshold": 0}}""";
		MvcResult result = problem(start(invalid, OPERATOR), 400, "invalid-release")
			.andExpect(jsonPath("$.title").value("Invalid release"))
			.andExpect(jsonPath("$.detail").value("13 fields are invalid"))
			.andReturn();
		assertThat(fields(result)).containsExactly("analysis.failureThreshold", "analysis.maxErrorRate",
				"analysis.maxErrorRateDelta", "analysis.maxP99Ms", "analysis.maxP99Ratio",
				"analysis.minRequestsPerStep", "canary.function", "canary.uris[0]", "interval", "routeId", "steps",
				"steps[0]", "steps[2]");
		assertThat(current().version()).isEqualTo(before);
		this.mvc.perform(get("/api/v1/releases?routeId=no-such-route").with(VIEWER)).andExpect(jsonPath("$").isEmpty());
	}

	@Test
	void namesEachInvalidFieldOnItsOwn() throws Exception {
		createRoute("rel-invalid");
		assertThat(errors(release("rel-missing", ""))).containsExactly("routeId");
		assertThat(errors(release("rel-invalid", "").replace("[5, 25, 50, 100]", "[]"))).containsExactly("steps");
		assertThat(errors(release("rel-invalid", "").replace("[5, 25, 50, 100]", "[5, 5, 100]")))
			.containsExactly("steps[1]");
		assertThat(errors(release("rel-invalid", "").replace("[5, 25, 50, 100]", "[50, 25, 100]")))
			.containsExactly("steps[1]");
		assertThat(errors(release("rel-invalid", "").replace("[5, 25, 50, 100]", "[0, 100]")))
			.containsExactly("steps[0]");
		assertThat(errors(release("rel-invalid", "").replace("[5, 25, 50, 100]", "[5, 101]"))).containsExactly("steps",
				"steps[1]");
		assertThat(errors(release("rel-invalid", "").replace("[5, 25, 50, 100]", "[5, 50]"))).containsExactly("steps");
		assertThat(errors(release("rel-invalid", "").replace("\"1h\"", "\"500ms\""))).containsExactly("interval");
		assertThat(errors(release("rel-invalid", "").replace("\"1h\"", "\"61m\""))).containsExactly("interval");
		assertThat(errors(release("rel-invalid", "").replace(", \"interval\": \"1h\"", "")))
			.containsExactly("interval");
		assertThat(errors(release("rel-invalid", ", \"analysis\": {\"maxErrorRate\": 1.01}")))
			.containsExactly("analysis.maxErrorRate");
		assertThat(errors(release("rel-invalid", ", \"analysis\": {\"maxErrorRateDelta\": -0.01}")))
			.containsExactly("analysis.maxErrorRateDelta");
		assertThat(errors(release("rel-invalid", ", \"analysis\": {\"maxP99Ms\": -5, \"maxP99Ratio\": 0}")))
			.containsExactly("analysis.maxP99Ms", "analysis.maxP99Ratio");
		assertThat(
				errors(release("rel-invalid", ", \"analysis\": {\"minRequestsPerStep\": -1, \"failureThreshold\": 0}")))
			.containsExactly("analysis.failureThreshold", "analysis.minRequestsPerStep");
		assertThat(errors(
				release("rel-invalid", "").replace("\"uris\": [\"" + ApiTest.FUNCTIONS_URI + "\"]", "\"uris\": []")))
			.containsExactly("canary.uris");
		assertThat(errors("{\"routeId\": \"rel-invalid\", \"steps\": [100], \"interval\": \"1s\"}"))
			.containsExactly("canary");
		this.mvc.perform(get("/api/v1/releases?routeId=rel-invalid").with(VIEWER)).andExpect(jsonPath("$").isEmpty());
	}

	@Test
	void namesTheFieldOfAValueOfTheWrongType() throws Exception {
		createRoute("rel-malformed");
		problem(start(release("rel-malformed", ", \"mode\": \"sometimes\""), OPERATOR), 400, "malformed-request")
			.andExpect(jsonPath("$.errors[0].field").value("mode"))
			.andExpect(jsonPath("$.errors[0].message").value("must be one of auto, manual"));
		problem(start(release("rel-malformed", "").replace("\"1h\"", "\"soon\""), OPERATOR), 400, "malformed-request")
			.andExpect(jsonPath("$.errors[0].field").value("interval"));
		problem(start(release("rel-malformed", ", \"sticky\": \"session\""), OPERATOR), 400, "malformed-request")
			.andExpect(jsonPath("$.errors[0].field").value("sticky"));
	}

	@Test
	void refusesASecondActiveReleaseOfARoute() throws Exception {
		createRoute("rel-twice");
		long first = id(start(release("rel-twice", ""), OPERATOR).andExpect(status().isCreated()).andReturn());
		long before = current().version();
		problem(start(release("rel-twice", ""), ALICE), 409, "release-active")
			.andExpect(jsonPath("$.releaseId").value(first))
			.andExpect(jsonPath("$.detail", containsString("release " + first)));
		assertThat(current().version()).isEqualTo(before);
		this.mvc.perform(post("/api/v1/releases/{id}/pause", first).with(OPERATOR)).andExpect(status().isOk());
		problem(start(release("rel-twice", ""), ALICE), 409, "release-active");
		this.mvc.perform(post("/api/v1/releases/{id}/abort", first).with(OPERATOR)).andExpect(status().isOk());
		start(release("rel-twice", ""), ALICE).andExpect(status().isCreated())
			.andExpect(jsonPath("$.createdBy").value("alice"));
	}

	@Test
	void letsOnlyOperatorsRunReleases() throws Exception {
		createRoute("rel-access");
		long before = current().version();
		problem(start(release("rel-access", ""), VIEWER), 403, "insufficient-role");
		this.mvc
			.perform(
					post("/api/v1/releases").contentType(MediaType.APPLICATION_JSON).content(release("rel-access", "")))
			.andExpect(status().isUnauthorized());
		assertThat(current().version()).isEqualTo(before);
		long id = id(start(release("rel-access", ""), ADMIN).andExpect(status().isCreated()).andReturn());
		for (String action : new String[] { "pause", "resume", "promote", "abort" }) {
			problem(this.mvc.perform(post("/api/v1/releases/{id}/" + action, id).with(VIEWER)), 403,
					"insufficient-role");
		}
		problem(this.mvc.perform(put("/api/v1/releases/{id}/weight", id).with(VIEWER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"weight\": 50}")), 403, "insufficient-role");
		this.mvc.perform(get("/api/v1/releases/{id}", id).with(VIEWER)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/releases").with(VIEWER)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/releases/{id}/evaluations", id).with(VIEWER)).andExpect(status().isOk());
		assertThat(canary("rel-access").weight()).isEqualTo(5);
	}

	@Test
	void pausesResumesAndPromotesWithTheSnapshotFollowing() throws Exception {
		createRoute("rel-life");
		long id = id(start(release("rel-life", ""), OPERATOR).andExpect(status().isCreated()).andReturn());
		assertMetrics("rel-life", 5, "running");

		long before = current().version();
		action(id, "pause", OPERATOR).andExpect(status().isOk())
			.andExpect(header().string("X-Config-Version", String.valueOf(before + 1)))
			.andExpect(jsonPath("$.state").value("paused"))
			.andExpect(jsonPath("$.weight").value(5))
			.andExpect(jsonPath("$.nextEvaluationAt").isEmpty());
		assertThat(canary("rel-life").weight()).isEqualTo(5);
		assertMetrics("rel-life", 5, "paused");

		action(id, "resume", ALICE).andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("running"))
			.andExpect(jsonPath("$.weight").value(5))
			.andExpect(jsonPath("$.nextEvaluationAt").isString());
		assertThat(canary("rel-life").weight()).isEqualTo(5);

		action(id, "promote", OPERATOR).andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("promoted"))
			.andExpect(jsonPath("$.weight").value(100))
			.andExpect(jsonPath("$.finishedAt").isString());
		RouteRule promoted = current().route("rel-life").orElseThrow();
		assertThat(promoted.stable()).isEqualTo(CANARY);
		assertThat(promoted.canary()).isNull();
		assertMetrics("rel-life", 100, "promoted");

		this.mvc.perform(get("/api/v1/audit?target=release/" + id).with(VIEWER))
			.andExpect(jsonPath("$[*].action",
					contains("release.promote", "release.resume", "release.pause", "release.start")))
			.andExpect(jsonPath("$[*].actor", contains("operator", "alice", "operator", "operator")))
			.andExpect(jsonPath("$[0].detail", containsString("route rel-life: promoted")));
	}

	@Test
	void abortsToWeightZeroKeepingTheCanaryAndTheStableTarget() throws Exception {
		createRoute("rel-abort");
		long id = id(start(release("rel-abort", ""), OPERATOR).andExpect(status().isCreated()).andReturn());
		action(id, "abort", OPERATOR).andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("aborted"))
			.andExpect(jsonPath("$.weight").value(0))
			.andExpect(jsonPath("$.finishedAt").isString());
		RouteRule aborted = current().route("rel-abort").orElseThrow();
		assertThat(aborted.stable()).isEqualTo(STABLE);
		assertThat(aborted.canary()).isEqualTo(new CanaryTarget(CANARY, 0, CanaryTarget.StickyKey.USER, false, true));
		assertMetrics("rel-abort", 0, "aborted");
	}

	@Test
	void setsTheWeightOfAManualRelease() throws Exception {
		createRoute("rel-manual");
		long id = id(start(release("rel-manual", ", \"mode\": \"manual\""), OPERATOR).andExpect(status().isCreated())
			.andReturn());
		weight(id, 40).andExpect(status().isOk())
			.andExpect(jsonPath("$.weight").value(40))
			.andExpect(jsonPath("$.state").value("running"));
		assertThat(canary("rel-manual").weight()).isEqualTo(40);
		weight(id, 0).andExpect(status().isOk());
		assertThat(canary("rel-manual").weight()).isZero();
		weight(id, 100).andExpect(status().isOk());
		assertThat(canary("rel-manual").weight()).isEqualTo(100);
		assertThat(current().route("rel-manual").orElseThrow().stable()).as("only promoting replaces stable")
			.isEqualTo(STABLE);
		long before = current().version();
		problem(weight(id, 101), 400, "invalid-request").andExpect(jsonPath("$.errors[0].field").value("weight"));
		problem(this.mvc.perform(put("/api/v1/releases/{id}/weight", id).with(OPERATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")), 400, "invalid-request").andExpect(jsonPath("$.errors[0].field").value("weight"));
		assertThat(current().version()).isEqualTo(before);
		this.mvc.perform(get("/api/v1/audit?target=release/" + id + "&action=release.weight").with(VIEWER))
			.andExpect(jsonPath("$[*].detail", contains("route rel-manual: weight 0% -> 100%",
					"route rel-manual: weight 40% -> 0%", "route rel-manual: weight 5% -> 40%")));
	}

	@Test
	void refusesAWeightForAnAutomaticRelease() throws Exception {
		createRoute("rel-auto-weight");
		long id = id(start(release("rel-auto-weight", ""), OPERATOR).andExpect(status().isCreated()).andReturn());
		problem(weight(id, 50), 409, "release-not-manual").andExpect(jsonPath("$.mode").value("auto"));
		assertThat(canary("rel-auto-weight").weight()).isEqualTo(5);
	}

	@Test
	void refusesIllegalTransitionsNamingTheState() throws Exception {
		createRoute("rel-illegal");
		long id = id(start(release("rel-illegal", ", \"mode\": \"manual\""), OPERATOR).andExpect(status().isCreated())
			.andReturn());
		problem(action(id, "resume", OPERATOR), 409, "illegal-release-transition")
			.andExpect(jsonPath("$.state").value("running"))
			.andExpect(jsonPath("$.detail", containsString("is running; only a paused release can be resumed")));
		action(id, "pause", OPERATOR).andExpect(status().isOk());
		problem(action(id, "pause", OPERATOR), 409, "illegal-release-transition")
			.andExpect(jsonPath("$.state").value("paused"));
		problem(weight(id, 50), 409, "illegal-release-transition").andExpect(jsonPath("$.state").value("paused"));
		action(id, "promote", OPERATOR).andExpect(status().isOk());
		long before = current().version();
		for (String action : new String[] { "pause", "resume", "promote", "abort" }) {
			problem(action(id, action, OPERATOR), 409, "illegal-release-transition")
				.andExpect(jsonPath("$.state").value("promoted"));
		}
		problem(weight(id, 50), 409, "illegal-release-transition").andExpect(jsonPath("$.state").value("promoted"));
		assertThat(current().version()).isEqualTo(before);
	}

	@Test
	void answersNotFoundForAnUnknownRelease() throws Exception {
		problem(this.mvc.perform(get("/api/v1/releases/999999").with(VIEWER)), 404, "release-not-found");
		problem(this.mvc.perform(get("/api/v1/releases/999999/evaluations").with(VIEWER)), 404, "release-not-found");
		problem(action(999999, "pause", OPERATOR), 404, "release-not-found");
		problem(this.mvc.perform(get("/api/v1/releases/latest").with(VIEWER)), 400, "malformed-request")
			.andExpect(jsonPath("$.errors[0].field").value("id"));
	}

	@Test
	void listsReleasesNewestFirstByRouteAndState() throws Exception {
		createRoute("rel-list");
		long older = id(start(release("rel-list", ""), OPERATOR).andReturn());
		action(older, "abort", OPERATOR).andExpect(status().isOk());
		long newer = id(start(release("rel-list", ""), OPERATOR).andReturn());
		this.mvc.perform(get("/api/v1/releases?routeId=rel-list").with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", contains((int) newer, (int) older)))
			.andExpect(jsonPath("$[0].evaluations").doesNotExist());
		this.mvc.perform(get("/api/v1/releases?routeId=rel-list&state=aborted").with(VIEWER))
			.andExpect(jsonPath("$[*].id", contains((int) older)));
		this.mvc.perform(get("/api/v1/releases?state=running").with(VIEWER))
			.andExpect(
					jsonPath("$[*].state").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("running"))));
		problem(this.mvc.perform(get("/api/v1/releases?state=finished").with(VIEWER)), 400, "invalid-request")
			.andExpect(jsonPath("$.errors[0].field").value("state"))
			.andExpect(jsonPath("$.errors[0].message", containsString("running, paused, promoted, rolled_back")));
	}

	@Test
	void refusesToRemoveARouteOrChangeItsCanaryDuringARelease() throws Exception {
		createRoute("rel-guarded");
		long id = id(start(release("rel-guarded", ""), OPERATOR).andReturn());
		long before = current().version();
		problem(this.mvc.perform(delete("/api/v1/routes/rel-guarded").with(OPERATOR)), 409, "release-active")
			.andExpect(jsonPath("$.releaseId").value(id))
			.andExpect(jsonPath("$.detail", containsString("delete route 'rel-guarded'")));
		problem(this.mvc.perform(put("/api/v1/routes/rel-guarded").with(OPERATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.content(route("rel-guarded", "\"timeout\": \"3s\","))), 409, "release-active");
		assertThat(current().version()).isEqualTo(before);
		// A write that keeps the release's canary changes the rest of the route.
		String keepingTheCanary = route("rel-guarded", "\"timeout\": \"3s\", \"canary\": "
				+ ConfigJson.mapper().writeValueAsString(canary("rel-guarded")) + ",");
		this.mvc
			.perform(put("/api/v1/routes/rel-guarded").with(OPERATOR)
				.contentType(MediaType.APPLICATION_JSON)
				.content(keepingTheCanary))
			.andExpect(status().isOk());
		assertThat(current().route("rel-guarded").orElseThrow().timeout()).hasSeconds(3);
		action(id, "abort", OPERATOR).andExpect(status().isOk());
		this.mvc.perform(delete("/api/v1/routes/rel-guarded").with(OPERATOR)).andExpect(status().isNoContent());
	}

	@Test
	void abortsAnActiveReleaseWhenTheConfigIsRolledBack() throws Exception {
		createRoute("rel-rollback");
		long target = current().version();
		long id = id(start(release("rel-rollback", ""), OPERATOR).andReturn());
		this.mvc.perform(post("/api/v1/config/rollback/{version}", target).with(ALICE)).andExpect(status().isCreated());
		this.mvc.perform(get("/api/v1/releases/{id}", id).with(VIEWER))
			.andExpect(jsonPath("$.state").value("aborted"))
			.andExpect(jsonPath("$.weight").value(0));
		assertThat(current().route("rel-rollback").orElseThrow().canary()).as("as the rolled-back version had it")
			.isNull();
		this.mvc.perform(get("/api/v1/audit?target=release/" + id).with(VIEWER))
			.andExpect(jsonPath("$[0].action").value("release.abort"))
			.andExpect(jsonPath("$[0].actor").value("alice"))
			.andExpect(jsonPath("$[0].detail", containsString("rolled back to version " + target)));
	}

	@Test
	void setsTheCanaryToZeroWhenARollbackBringsBackTheReleasesCanary() throws Exception {
		createRoute("rel-rollback-canary");
		long id = id(start(release("rel-rollback-canary", ", \"mode\": \"manual\""), OPERATOR).andReturn());
		long atFivePercent = current().version();
		weight(id, 50).andExpect(status().isOk());
		this.mvc.perform(post("/api/v1/config/rollback/{version}", atFivePercent).with(OPERATOR))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.routes[?(@.id == 'rel-rollback-canary')].canary.weight").value(5));
		ConfigSnapshot after = current();
		assertThat(after.route("rel-rollback-canary").orElseThrow().canary().weight())
			.as("the abort published after the rollback")
			.isZero();
		// Releases of other routes that were active are aborted too, each in a version.
		String history = this.mvc.perform(get("/api/v1/config/versions").with(VIEWER))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> summaries = JsonPath.read(history, "$[*].summary");
		int rollback = summaries.indexOf("rollback to " + atFivePercent);
		int abort = summaries.indexOf("release " + id + " of route rel-rollback-canary: aborted at 50% because the"
				+ " config was rolled back to version " + atFivePercent + " (published as version "
				+ JsonPath.read(history, "$[" + rollback + "].version") + ")");
		assertThat(abort).as("published after the rollback").isBetween(0, rollback - 1);
		this.mvc.perform(get("/api/v1/releases/{id}", id).with(VIEWER)).andExpect(jsonPath("$.state").value("aborted"));
	}

	private void assertMetrics(String route, int weight, String state) {
		assertThat(this.meters.get("frontline.release.weight").tag("route", route).gauge().value()).isEqualTo(weight);
		for (String candidate : new String[] { "running", "paused", "promoted", "rolled_back", "aborted" }) {
			assertThat(this.meters.get("frontline.release.state")
				.tag("route", route)
				.tag("state", candidate)
				.gauge()
				.value()).as(candidate).isEqualTo(candidate.equals(state) ? 1 : 0);
		}
	}

	private CanaryTarget canary(String route) throws Exception {
		CanaryTarget canary = current().route(route).orElseThrow().canary();
		assertThat(canary).as("canary of " + route).isNotNull();
		return canary;
	}

	private List<String> errors(String body) throws Exception {
		long before = current().version();
		List<String> fields = fields(problem(start(body, OPERATOR), 400, "invalid-release").andReturn());
		assertThat(current().version()).isEqualTo(before);
		return fields;
	}

	private ResultActions start(String body, RequestPostProcessor login) throws Exception {
		return this.mvc
			.perform(post("/api/v1/releases").with(login).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions action(long id, String action, RequestPostProcessor login) throws Exception {
		return this.mvc.perform(post("/api/v1/releases/{id}/" + action, id).with(login));
	}

	private ResultActions weight(long id, int weight) throws Exception {
		return this.mvc.perform(put("/api/v1/releases/{id}/weight", id).with(OPERATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"weight\": " + weight + "}"));
	}

	private void createRoute(String id) throws Exception {
		this.mvc.perform(
				post("/api/v1/routes").with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content(route(id, "")))
			.andExpect(status().isCreated());
	}

	private ConfigSnapshot current() throws Exception {
		return ConfigJson.readSnapshot(this.mvc.perform(get("/api/v1/config").with(VIEWER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static String route(String id, String extra) {
		return """
				{"id": "%s", "match": {"path": "/api/%s", "methods": ["GET"]}, %s
				 "stable": {"uris": ["%s"], "function": "homePage|webView"}}""".formatted(id, id, extra,
				ApiTest.FUNCTIONS_URI);
	}

	static String release(String routeId, String extra) {
		return """
				{"routeId": "%s", "canary": {"uris": ["%s"], "function": "homePage|mobileView"},
				 "steps": [5, 25, 50, 100], "interval": "1h"%s}""".formatted(routeId, ApiTest.FUNCTIONS_URI, extra);
	}

	private static long id(MvcResult result) throws Exception {
		return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
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

}
