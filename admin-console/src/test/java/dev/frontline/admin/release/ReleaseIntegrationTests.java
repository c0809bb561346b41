package dev.frontline.admin.release;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import dev.frontline.contract.LatencyHistogram;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Releases end to end with short intervals, over HTTP: an operator starts a release, a
 * simulated gateway reports the traffic it splits by the route's current canary weight
 * with its heartbeats, and the console's evaluations step the release up, promote it or
 * roll it back. The console runs with the local users and the default control-plane
 * token.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:release-e2e;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
		"frontline.admin.seed.functions-uri=" + ReleaseIntegrationTests.FUNCTIONS_URI,
		"frontline.admin.release.check-interval=100ms" })
class ReleaseIntegrationTests {

	/**
	 * A closed port: the composition checks find no runtime and accept with a warning.
	 */
	static final String FUNCTIONS_URI = "http://127.0.0.1:1";

	/** How often the simulated gateway reports; 20 reports per release interval. */
	private static final Duration REPORT_EVERY = Duration.ofMillis(50);

	private static final Duration PATIENCE = Duration.ofSeconds(40);

	private static HttpClient http;

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	private final List<ScheduledExecutorService> gateways = new ArrayList<>();

	@BeforeAll
	static void client() {
		http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	}

	@AfterEach
	void stopGateways() {
		this.gateways.forEach(ScheduledExecutorService::shutdownNow);
	}

	@Test
	void promotesAHealthyCanaryThroughEveryStep() throws Exception {
		createRoute("e2e-healthy");
		// At 5 %, 200 requests per report give the canary 200 requests a second. A report
		// made at the previous weight may land in the next window: at most 100 stable
		// requests at 50 %, fewer than the 150 needed, so at 100 % the comparisons with
		// the
		// stable side are skipped as they should be.
		long id = start("e2e-healthy", "[5, 25, 50, 100]", "{\"minRequestsPerStep\": 150}");
		gateway("e2e-healthy", 200, 0.0, 20, 20);

		String promoted = awaitState(id, "promoted");
		assertThat((Integer) JsonPath.read(promoted, "$.weight")).isEqualTo(100);
		Map<String, Object> route = route("e2e-healthy");
		assertThat(JsonPath.<String>read(route, "$.stable.function")).isEqualTo("homePage|mobileView");
		assertThat(JsonPath.<String>read(route, "$.stable.uris[0]")).isEqualTo("http://127.0.0.1:2");
		assertThat(route.get("canary")).isNull();

		String evaluations = get("/api/v1/releases/" + id + "/evaluations?limit=1000");
		List<String> verdicts = JsonPath.read(evaluations, "$[*].verdict");
		assertThat(verdicts).doesNotContain("fail");
		assertThat(JsonPath.<List<Integer>>read(evaluations, "$[?(@.verdict == 'pass')].weight"))
			.as("newest first, one passed evaluation per step")
			.containsExactly(100, 50, 25, 5);
		assertThat(JsonPath.<List<String>>read(evaluations, "$[?(@.verdict == 'pass')].action"))
			.containsExactly("promote", "advance", "advance", "advance");
		String last = JsonPath.read(evaluations, "$[0]").toString();
		Map<String, Object> promotion = JsonPath.read(evaluations, "$[0]");
		assertThat(JsonPath.<Integer>read(promotion, "$.canary.requests")).as(last).isGreaterThanOrEqualTo(150);
		assertThat(JsonPath.<Integer>read(promotion, "$.stable.requests")).as(last).isLessThan(150);
		assertThat(JsonPath.<List<String>>read(promotion, "$.checks[*].name")).containsExactly("maxErrorRate",
				"maxP99Ms", "maxErrorRateDelta", "maxP99Ratio");
		assertThat(JsonPath.<List<String>>read(promotion, "$.checks[*].outcome")).containsExactly("pass", "pass",
				"skipped", "skipped");
		assertThat(JsonPath.<List<String>>read(promotion, "$.notes"))
			.anySatisfy((note) -> assertThat(note).contains("maxErrorRateDelta and maxP99Ratio not checked"));
		assertThat(JsonPath.<List<String>>read(promotion, "$.failedChecks")).isEmpty();
		assertThat(((Number) JsonPath.read(promotion, "$.thresholds.minRequestsPerStep")).intValue()).isEqualTo(150);
		assertThat(JsonPath.<String>read(promotion, "$.windowStart")).isNotBlank();
		assertThat(JsonPath.<String>read(promotion, "$.windowEnd")).isNotBlank();

		String audit = get("/api/v1/audit?target=release/" + id);
		assertThat(JsonPath.<List<String>>read(audit, "$[*].action")).containsExactly("release.promote",
				"release.advance", "release.advance", "release.advance", "release.start");
		assertThat(JsonPath.<List<String>>read(audit, "$[0:4].actor")).containsOnly("system");
		assertThat(JsonPath.<List<String>>read(get("/api/v1/config/versions?limit=5"), "$[*].summary"))
			.anySatisfy((summary) -> assertThat(summary).contains("release " + id, "promoted"));
		assertThat(this.meters.get("frontline.release.verdicts")
			.tag("route", "e2e-healthy")
			.tag("verdict", "pass")
			.counter()
			.count()).isEqualTo(4);
	}

	@Test
	void rollsBackAFailingCanaryToWeightZero() throws Exception {
		createRoute("e2e-failing");
		long id = start("e2e-failing", "[10, 50, 100]", "{\"minRequestsPerStep\": 20, \"failureThreshold\": 2}");
		gateway("e2e-failing", 100, 0.3, 20, 20);

		String rolledBack = awaitState(id, "rolled_back");
		assertThat((Integer) JsonPath.read(rolledBack, "$.weight")).isZero();
		assertThat((Integer) JsonPath.read(rolledBack, "$.stepIndex")).isZero();
		assertThat((Integer) JsonPath.read(rolledBack, "$.failureStreak")).isEqualTo(2);
		Map<String, Object> route = route("e2e-failing");
		assertThat(JsonPath.<Integer>read(route, "$.canary.weight")).isZero();
		assertThat(JsonPath.<String>read(route, "$.canary.target.uris[0]")).isEqualTo("http://127.0.0.1:2");
		assertThat(JsonPath.<String>read(route, "$.stable.function")).isEqualTo("homePage|webView");

		String evaluations = get("/api/v1/releases/" + id + "/evaluations");
		assertThat(JsonPath.<List<String>>read(evaluations, "$[0:2].verdict")).containsExactly("fail", "fail");
		assertThat(JsonPath.<List<String>>read(evaluations, "$[0:2].action")).containsExactly("rollback", "hold");
		assertThat(JsonPath.<List<String>>read(evaluations, "$[0].failedChecks")).contains("maxErrorRate",
				"maxErrorRateDelta");
		assertThat(((Number) JsonPath.read(evaluations, "$[0].canary.errorRate")).doubleValue()).isGreaterThan(0.2);
		assertThat(((Number) JsonPath.read(evaluations, "$[0].stable.errorRate")).doubleValue()).isZero();
		String audit = get("/api/v1/audit?target=release/" + id + "&limit=1");
		assertThat(JsonPath.<String>read(audit, "$[0].action")).isEqualTo("release.rollback");
		assertThat(JsonPath.<String>read(audit, "$[0].actor")).isEqualTo("system");
		assertThat(this.meters.get("frontline.release.state")
			.tag("route", "e2e-failing")
			.tag("state", "rolled_back")
			.gauge()
			.value()).isEqualTo(1);
	}

	@Test
	void holdsAtTheFirstStepWhileTheCanaryServesTooFewRequests() throws Exception {
		createRoute("e2e-trickle");
		long id = start("e2e-trickle", "[5, 50, 100]", "{\"minRequestsPerStep\": 1000}");
		gateway("e2e-trickle", 20, 0.0, 20, 20);

		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> JsonPath.<List<Object>>read(get("/api/v1/releases/" + id + "/evaluations"), "$").size() >= 3);
		String release = get("/api/v1/releases/" + id);
		assertThat(JsonPath.<String>read(release, "$.state")).isEqualTo("running");
		assertThat((Integer) JsonPath.read(release, "$.stepIndex")).isZero();
		assertThat((Integer) JsonPath.read(release, "$.weight")).isEqualTo(5);
		assertThat((Integer) JsonPath.read(release, "$.failureStreak")).isZero();
		assertThat(JsonPath.<List<String>>read(release, "$.evaluations[*].verdict")).containsOnly("inconclusive");
		assertThat(JsonPath.<List<String>>read(release, "$.evaluations[*].action")).containsOnly("hold");
		assertThat(JsonPath.<String>read(release, "$.evaluations[0].notes[0]")).contains("minRequestsPerStep");
		assertThat(JsonPath.<List<Object>>read(release, "$.evaluations[0].checks")).isEmpty();
		List<String> windowStarts = JsonPath.read(release, "$.evaluations[*].windowStart");
		assertThat(windowStarts).as("the window keeps growing from the step's start")
			.containsOnly(JsonPath.<String>read(release, "$.stepStartedAt"));
		List<Integer> canaryRequests = JsonPath.read(release, "$.evaluations[*].canary.requests");
		assertThat(canaryRequests.get(0)).isGreaterThan(canaryRequests.get(canaryRequests.size() - 1));
		assertThat(JsonPath.<Integer>read(route("e2e-trickle"), "$.canary.weight")).isEqualTo(5);
		send("POST", "/api/v1/releases/" + id + "/abort", null, operator(), 200);
	}

	/**
	 * Reports, every {@link #REPORT_EVERY}, a batch of requests split by the route's
	 * canary weight as read from the console, as a gateway applying its snapshot would.
	 */
	private void gateway(String routeId, int requestsPerReport, double canaryErrorRate, long canaryLatencyMs,
			long stableLatencyMs) {
		ScheduledExecutorService gateway = Executors.newSingleThreadScheduledExecutor();
		this.gateways.add(gateway);
		gateway.scheduleWithFixedDelay(() -> {
			try {
				Map<String, Object> route = route(routeId);
				Integer weight = (route.get("canary") != null) ? JsonPath.read(route, "$.canary.weight") : 0;
				int canary = requestsPerReport * weight / 100;
				int canaryErrors = (int) Math.round(canary * canaryErrorRate);
				String stats = "[" + stats(routeId, "stable", requestsPerReport - canary, 0, stableLatencyMs) + ","
						+ stats(routeId, "canary", canary, canaryErrors, canaryLatencyMs) + "]";
				send("POST", "/api/v1/gateways/gw-" + routeId + "/status",
						"{\"appliedVersion\": 1, \"controlPlaneConnected\": true, \"stats\": " + stats + "}",
						"Bearer local-dev-token", 204);
			}
			catch (Exception ex) {
				// The next report tries again, as a gateway's would.
			}
		}, 0, REPORT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static String stats(String routeId, String variant, int requests, int errors, long latencyMs) {
		LatencyHistogram latency = LatencyHistogram.empty();
		for (int i = 0; i < requests; i++) {
			latency = latency.plus(latencyMs);
		}
		return """
				{"route": "%s", "variant": "%s", "status2xx": %d, "status4xx": 0, "status5xx": %d, "latency": %s}"""
			.formatted(routeId, variant, requests - errors, errors, latency.counts());
	}

	private String awaitState(long id, String state) throws Exception {
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> JsonPath.read(get("/api/v1/releases/" + id), "$.state"), (actual) -> {
				assertThat(actual).as("state of release " + id).isIn("running", state);
				return actual.equals(state);
			});
		return get("/api/v1/releases/" + id);
	}

	private void createRoute(String id) throws Exception {
		send("POST", "/api/v1/routes", """
				{"id": "%s", "match": {"path": "/api/%s", "methods": ["GET"]},
				 "stable": {"uris": ["%s"], "function": "homePage|webView"}}""".formatted(id, id, FUNCTIONS_URI),
				operator(), 201);
	}

	private long start(String routeId, String steps, String analysis) throws Exception {
		String body = """
				{"routeId": "%s", "canary": {"uris": ["http://127.0.0.1:2"], "function": "homePage|mobileView"},
				 "steps": %s, "interval": "1s", "analysis": %s}""".formatted(routeId, steps, analysis);
		return ((Number) JsonPath.read(send("POST", "/api/v1/releases", body, operator(), 201), "$.id")).longValue();
	}

	private Map<String, Object> route(String id) throws Exception {
		return JsonPath.read(get("/api/v1/routes/" + id), "$");
	}

	private String get(String path) throws Exception {
		return send("GET", path, null, basic("viewer"), 200);
	}

	private String send(String method, String path, String body, String authorization, int expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", authorization)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
		return response.body();
	}

	private static String operator() {
		return basic("operator");
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.ISO_8859_1));
	}

}
