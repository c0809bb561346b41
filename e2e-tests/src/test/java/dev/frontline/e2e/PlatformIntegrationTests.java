package dev.frontline.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform, each service in its own JVM: demo backends, function runtime, admin
 * console and gateway. The tests run in order and share the platform, because later ones
 * take parts of it down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIntegrationTests {

	private static final Duration STARTUP = Duration.ofSeconds(120);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final List<ServiceProcess> services = new ArrayList<>();

	private static Path dataDir;

	private static Path logDir;

	private static int gatewayPort;

	private static int gatewayManagementPort;

	private static int adminPort;

	private static int adminManagementPort;

	private static String functionsUri;

	private static int cartPort;

	private static int profilePort;

	private static String canaryUri;

	private static int functionsManagementPort;

	private static int canaryManagementPort;

	private static ServiceProcess admin;

	private static ServiceProcess gateway;

	@RegisterExtension
	static final TestWatcher printLogsOnFailure = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			services.forEach((service) -> System.err.println("---- " + service + " ----\n" + service.tail()));
		}
	};

	@BeforeAll
	static void startPlatform() throws Exception {
		dataDir = Files.createTempDirectory("frontline-e2e");
		logDir = Path.of("target", "e2e-logs").toAbsolutePath();
		int profile = ServiceProcess.freePort();
		int catalog = ServiceProcess.freePort();
		int cart = ServiceProcess.freePort();
		cartPort = cart;
		profilePort = profile;
		int functionsPort = ServiceProcess.freePort();
		functionsUri = "http://127.0.0.1:" + functionsPort;
		adminPort = ServiceProcess.freePort();
		adminManagementPort = ServiceProcess.freePort();
		gatewayPort = ServiceProcess.freePort();
		gatewayManagementPort = ServiceProcess.freePort();

		ServiceProcess backends = ServiceProcess.demoBackends(profile, catalog, cart, logDir);
		functionsManagementPort = ServiceProcess.freePort();
		canaryManagementPort = ServiceProcess.freePort();
		ServiceProcess functions = ServiceProcess.springBoot("bff-functions", functionsPort, functionsManagementPort,
				logDir,
				List.of("--frontline.data-dir=" + dataDir,
						"--frontline.backends.profile.url=http://127.0.0.1:" + profile,
						"--frontline.backends.catalog.url=http://127.0.0.1:" + catalog,
						"--frontline.backends.cart.url=http://127.0.0.1:" + cart));
		int canaryPort = ServiceProcess.freePort();
		canaryUri = "http://127.0.0.1:" + canaryPort;
		ServiceProcess canary = ServiceProcess.springBoot("bff-functions-canary", "bff-functions", canaryPort,
				canaryManagementPort, logDir,
				List.of("--frontline.demo.variant=canary",
						"--frontline.backends.profile.url=http://127.0.0.1:" + profile,
						"--frontline.backends.catalog.url=http://127.0.0.1:" + catalog,
						"--frontline.backends.cart.url=http://127.0.0.1:" + cart));
		admin = adminConsole();
		gateway = gateway();
		for (ServiceProcess service : List.of(backends, functions, canary, admin, gateway)) {
			services.add(service.start());
		}
		for (ServiceProcess service : services) {
			service.awaitReady(STARTUP);
		}
	}

	private static ServiceProcess adminConsole() {
		return ServiceProcess.springBoot("admin-console", adminPort, adminManagementPort, logDir,
				List.of("--frontline.data-dir=" + dataDir, "--frontline.admin.seed.functions-uri=" + functionsUri));
	}

	private static ServiceProcess gateway() {
		return ServiceProcess.springBoot("gateway", gatewayPort, gatewayManagementPort, logDir,
				List.of("--frontline.data-dir=" + dataDir, "--frontline.gateway.id=e2e-gateway",
						"--frontline.gateway.control-plane.uri=http://127.0.0.1:" + adminPort,
						"--frontline.gateway.heartbeat-interval=1s"));
	}

	@AfterAll
	static void stopPlatform() throws Exception {
		for (int i = services.size() - 1; i >= 0; i--) {
			services.get(i).stop();
		}
	}

	@Test
	@Order(10)
	void servesTheMobileHomePageComposedFromThreeBackends() throws Exception {
		HttpResponse<String> response = get(gateway("/api/m/home"), token("alice"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("view").asString()).isEqualTo("mobile");
		assertThat(body.path("greeting").asString()).isEqualTo("Hi Alice");
		assertThat(body.path("picks").size()).isEqualTo(3);
		assertThat(body.path("cartCount").asInt()).isPositive();
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
	}

	@Test
	@Order(20)
	void servesTheWebHomePageShapedForTheWeb() throws Exception {
		HttpResponse<String> response = get(gateway("/api/web/home?user=mallory"), token("bob"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("view").asString()).isEqualTo("web");
		assertThat(body.path("user").path("id").asString()).isEqualTo("bob");
		assertThat(body.path("user").path("name").asString()).isEqualTo("Bob");
		assertThat(body.path("recommendations").size()).isGreaterThan(3);
		assertThat(body.path("cart").path("items").isArray()).isTrue();
	}

	@Test
	@Order(30)
	void servesProductsAndAnswersUnknownPathsWithAProblem() throws Exception {
		HttpResponse<String> product = get(gateway("/api/products/p1"));
		assertThat(product.statusCode()).as(product.body()).isEqualTo(200);
		assertThat(json.readTree(product.body()).path("id").asString()).isEqualTo("p1");

		HttpResponse<String> missingProduct = get(gateway("/api/products/p999"));
		assertThat(missingProduct.statusCode()).isEqualTo(404);
		assertThat(missingProduct.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));

		HttpResponse<String> unknown = get(gateway("/api/nothing/here"));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(unknown.body()).path("status").asInt()).isEqualTo(404);
	}

	@Test
	@Order(31)
	void homePagesRequireAValidToken() throws Exception {
		HttpResponse<String> anonymous = get(gateway("/api/m/home"));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
		assertThat(json.readTree(anonymous.body()).path("type").asString())
			.isEqualTo("urn:frontline:problem:credentials-missing");

		String valid = token("alice");
		int at = valid.length() - 10;
		String forged = valid.substring(0, at) + ((valid.charAt(at) == 'x') ? 'y' : 'x') + valid.substring(at + 1);
		HttpResponse<String> invalid = get(gateway("/api/m/home"), forged);
		assertThat(invalid.statusCode()).isEqualTo(401);
		assertThat(json.readTree(invalid.body()).path("type").asString())
			.isEqualTo("urn:frontline:problem:credentials-invalid");
	}

	@Test
	@Order(32)
	void functionRuntimeRefusesCallsThatBypassTheGateway() throws Exception {
		HttpResponse<String> direct = send(HttpRequest.newBuilder(URI.create(functionsUri + "/homePage,mobileView"))
			.header("Content-Type", "application/json")
			.header("X-User-Id", "alice")
			.POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice\"}")));
		assertThat(direct.statusCode()).isEqualTo(401);
		assertThat(direct.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	@Order(33)
	void apiKeysWorkUntilRevokedOnTheRoutesThatAcceptThem() throws Exception {
		String route = """
				{"id":"partner-products","match":{"path":"/api/partner/products/{id}","methods":["GET"]},
				 "auth":{"mode":"authenticated","apiKeys":true},
				 "stable":{"uris":["%s"],"function":"product"}}""".formatted(functionsUri);
		HttpResponse<String> created = send(
				asOperator(admin("/api/v1/routes")).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(route)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		HttpResponse<String> issued = send(as("admin", admin("/api/v1/api-keys"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"client\":\"partner-app\",\"scopes\":[\"catalog:read\"]}")));
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		JsonNode key = json.readTree(issued.body());

		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			HttpResponse<String> response = send(HttpRequest.newBuilder(gateway("/api/partner/products/p7"))
				.header("X-API-Key", key.path("key").asString()));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		});
		HttpResponse<String> notOnThisRoute = send(
				HttpRequest.newBuilder(gateway("/api/m/home")).header("X-API-Key", key.path("key").asString()));
		assertThat(notOnThisRoute.statusCode()).isEqualTo(401);

		HttpResponse<String> revoked = send(
				as("admin", admin("/api/v1/api-keys/" + key.path("id").asString())).DELETE());
		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			HttpResponse<String> response = send(HttpRequest.newBuilder(gateway("/api/partner/products/p7"))
				.header("X-API-Key", key.path("key").asString()));
			assertThat(response.statusCode()).isEqualTo(401);
		});
	}

	@Test
	@Order(34)
	void answersWithAPartialHomePageWhenAnOptionalBackendFails() throws Exception {
		URI faults = URI.create("http://127.0.0.1:" + cartPort + "/__faults");
		HttpResponse<String> injected = send(HttpRequest.newBuilder(faults)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"failureRate\":1.0,\"status\":503}")));
		assertThat(injected.statusCode()).as(injected.body()).isLessThan(300);
		try {
			HttpResponse<String> response = get(gateway("/api/m/home"), token("erin"));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.headers().firstValue("X-Frontline-Partial")).contains("true");
			JsonNode body = json.readTree(response.body());
			assertThat(body.path("greeting").asString()).isEqualTo("Hi Erin");
			assertThat(body.path("missing").toString()).contains("cart");
		}
		finally {
			send(HttpRequest.newBuilder(faults).DELETE());
		}
	}

	@Test
	@Order(35)
	void refusesACompositionWhoseTypesDoNotFit() throws Exception {
		long before = currentVersion();
		String route = """
				{"id":"upside-down","match":{"path":"/api/upside-down"},
				 "stable":{"uris":["%s"],"function":"mobileView|homePage"}}""".formatted(functionsUri);
		HttpResponse<String> response = send(
				asOperator(admin("/api/v1/routes")).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(route)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("stable.function");
		assertThat(currentVersion()).isEqualTo(before);
	}

	@Test
	@Order(36)
	void limitsTheRateOfARouteWithHeadersAndRetryAfter() throws Exception {
		String route = """
				{"id":"limited-products","match":{"path":"/api/limited/products/{id}","methods":["GET"]},
				 "auth":{"mode":"public"},
				 "rateLimit":{"key":"client-ip","permits":3,"period":"1m","burst":3},
				 "stable":{"uris":["%s"],"function":"product"}}""".formatted(functionsUri);
		HttpResponse<String> created = send(
				asOperator(admin("/api/v1/routes")).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(route)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> get(gateway("/api/limited/products/p1")).statusCode() != 404);

		int allowed = 1;
		HttpResponse<String> response;
		while ((response = get(gateway("/api/limited/products/p1"))).statusCode() == 200) {
			allowed++;
			assertThat(response.headers().firstValue("RateLimit-Policy")).isPresent();
			assertThat(response.headers().firstValue("X-RateLimit-Limit")).contains("3");
		}
		assertThat(allowed).isEqualTo(3);
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isPositive());
		assertThat(response.headers().firstValue("X-RateLimit-Remaining")).contains("0");
		assertThat(json.readTree(response.body()).path("type").asString())
			.isEqualTo("urn:frontline:problem:rate-limited");
	}

	@Test
	@Order(37)
	void promotesAHealthyCanaryThroughEveryStepAfterHoldingWhileTrafficIsLow() throws Exception {
		createHomeRoute("release-home", "/api/release/home");
		long release = startRelease("release-home", "[50, 100]", 1);
		// No traffic yet: the first evaluation cannot decide, and the release holds.
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> verdicts(release).contains("inconclusive"));
		assertThat(release(release).path("weight").asInt()).isEqualTo(50);

		Set<String> variants = ConcurrentHashMap.newKeySet();
		Set<Boolean> bannerOnCanary = ConcurrentHashMap.newKeySet();
		String token = token("erin");
		try (Traffic traffic = Traffic.start(() -> {
			HttpResponse<String> response = get(gateway("/api/release/home"), token);
			String variant = response.headers().firstValue("X-Frontline-Variant").orElse("none");
			variants.add(variant + ":" + response.statusCode());
			if ("canary".equals(variant)) {
				bannerOnCanary.add(response.body().contains("New home page"));
			}
		})) {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> "promoted".equals(release(release).path("state").asString()));
		}
		assertThat(variants).contains("stable:200", "canary:200").allMatch((seen) -> seen.endsWith(":200"));
		assertThat(bannerOnCanary).containsExactly(true);
		assertThat(verdicts(release)).contains("pass");
		JsonNode route = json.readTree(send(asOperator(admin("/api/v1/routes/release-home")).GET()).body());
		assertThat(route.path("stable").path("uris").get(0).asString()).isEqualTo(canaryUri);
		assertThat(route.path("canary").isMissingNode() || route.path("canary").isNull()).isTrue();
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(get(gateway("/api/release/home"), token).body()).contains("New home page"));
	}

	@Test
	@Order(38)
	void rollsAFailingCanaryBackAutomatically() throws Exception {
		createHomeRoute("rollback-home", "/api/rollback/home");
		HttpResponse<String> fault = send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + profilePort + "/__faults"))
					.header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString("{\"failCanary\":true}")));
		assertThat(fault.statusCode()).as(fault.body()).isEqualTo(200);
		try {
			long release = startRelease("rollback-home", "[50, 100]", 2);
			String token = token("frank");
			try (Traffic traffic = Traffic.start(() -> get(gateway("/api/rollback/home"), token))) {
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(250))
					.until(() -> "rolled_back".equals(release(release).path("state").asString()));
			}
			assertThat(release(release).path("weight").asInt()).isZero();
			assertThat(verdicts(release)).contains("fail");
			JsonNode route = json.readTree(send(asOperator(admin("/api/v1/routes/rollback-home")).GET()).body());
			assertThat(route.path("stable").path("uris").get(0).asString()).isEqualTo(functionsUri);
			await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
				HttpResponse<String> response = get(gateway("/api/rollback/home"), token);
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.headers().firstValue("X-Frontline-Variant")).contains("stable");
			});
		}
		finally {
			send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + profilePort + "/__faults")).DELETE());
		}
	}

	private static void createHomeRoute(String id, String path) throws Exception {
		String route = """
				{"id":"%s","match":{"path":"%s","methods":["GET"]},
				 "stable":{"uris":["%s"],"function":"homePage|mobileView"}}""".formatted(id, path, functionsUri);
		HttpResponse<String> created = send(
				asOperator(admin("/api/v1/routes")).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(route)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	/**
	 * Starts an automated release of the canary runtime on a route, evaluated every two
	 * seconds, with every request chosen at random so that one user's traffic reaches
	 * both sides.
	 */
	private static long startRelease(String routeId, String steps, int failureThreshold) throws Exception {
		String body = """
				{"routeId":"%s","canary":{"uris":["%s"],"function":"homePage|mobileView"},
				 "sticky":"none","steps":%s,"interval":"2s",
				 "analysis":{"maxErrorRate":0.05,"maxP99Ms":3000,"maxErrorRateDelta":0.05,"maxP99Ratio":10,
				             "minRequestsPerStep":10,"failureThreshold":%d}}""".formatted(routeId, canaryUri, steps,
				failureThreshold);
		HttpResponse<String> started = send(
				asOperator(admin("/api/v1/releases")).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		return json.readTree(started.body()).path("id").asLong();
	}

	private static JsonNode release(long id) throws Exception {
		HttpResponse<String> response = send(as("viewer", admin("/api/v1/releases/" + id)).GET());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static List<String> verdicts(long release) throws Exception {
		List<String> verdicts = new ArrayList<>();
		release(release).path("evaluations")
			.forEach((evaluation) -> verdicts.add(evaluation.path("verdict").asString()));
		return verdicts;
	}

	@Test
	@Order(39)
	void prometheusScrapesEveryServiceAndFindsTheDocumentedSeries() throws Exception {
		if (!PrometheusServer.installed()) {
			String message = PrometheusServer.BINARY + " is missing; install Debian's prometheus package to check "
					+ "the metrics with a real Prometheus";
			assertThat("true".equals(System.getenv("CI"))).as(message + " (required because CI=true)").isFalse();
			Assumptions.abort(message);
		}
		Map<String, List<String>> jobs = Map.of("gateway", List.of("127.0.0.1:" + gatewayManagementPort),
				"bff-functions", List.of("127.0.0.1:" + functionsManagementPort, "127.0.0.1:" + canaryManagementPort),
				"admin-console", List.of("127.0.0.1:" + adminManagementPort), "demo-backends",
				List.of("127.0.0.1:" + profilePort));
		try (PrometheusServer prometheus = PrometheusServer.start(jobs, dataDir.resolve("prometheus"))) {
			String token = token("grace");
			for (int i = 0; i < 20; i++) {
				get(gateway("/api/m/home"), token);
				get(gateway("/api/products/p1"));
			}
			get(gateway("/api/m/home"));
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				JsonNode targets = prometheus.targets();
				assertThat(targets).hasSize(5);
				assertThat(targets).allSatisfy(
						(target) -> assertThat(target.path("health").asString()).as(target.toString()).isEqualTo("up"));
			});
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				assertSeries(prometheus, "frontline_gateway_requests_seconds_bucket{route=\"mobile-home\"}", "route",
						"variant", "method", "status", "outcome", "le");
				assertSeries(prometheus, "frontline_gateway_upstream_seconds_bucket", "route", "variant");
				assertSeries(prometheus, "frontline_gateway_auth_failures_total", "reason", "route");
				assertSeries(prometheus, "frontline_gateway_ratelimit_decisions_total", "route", "key_type",
						"decision");
				assertSeries(prometheus, "frontline_gateway_config_version", "job");
				assertSeries(prometheus, "frontline_gateway_control_plane_connected", "job");
				assertSeries(prometheus, "frontline_function_invocations_seconds_bucket{function=~\"homePage.*\"}",
						"function", "outcome", "le");
				assertSeries(prometheus, "frontline_backend_calls_seconds_bucket", "backend", "outcome", "le");
				assertSeries(prometheus, "resilience4j_circuitbreaker_state", "name", "state");
				assertSeries(prometheus, "frontline_release_weight", "route");
				assertSeries(prometheus, "frontline_demo_requests_seconds_bucket", "backend", "status");
			});
			// A p99 per route is computable from the gateway's histogram, once a rate has
			// two scrapes to go by.
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				get(gateway("/api/products/p1"));
				assertThat(prometheus.query("histogram_quantile(0.99, sum by (le, route) "
						+ "(rate(frontline_gateway_requests_seconds_bucket{route=\"product\"}[1m])))"))
					.isNotEmpty();
			});
			// No unbounded labels: no series carries a raw path or a user.
			JsonNode all = prometheus.series("{__name__=~\"frontline_.+\"}");
			assertThat(all.toString()).doesNotContain("/api/").doesNotContain("grace");
		}
	}

	private static void assertSeries(PrometheusServer prometheus, String selector, String... labels) throws Exception {
		JsonNode series = prometheus.series(selector);
		assertThat(series).as(selector).isNotEmpty();
		for (String label : labels) {
			assertThat(series.get(0).has(label)).as(selector + " has label " + label + ": " + series.get(0)).isTrue();
		}
	}

	@Test
	@Order(41)
	void acceptsAnAsyncInvocationAndReportsItsResultWhenDone() throws Exception {
		String route = """
				{"id":"async-home","match":{"path":"/api/async/home","methods":["GET"]},
				 "stable":{"uris":["%s"],"function":"homePage|mobileView"},
				 "async":{"always":true,"retries":2}}""".formatted(functionsUri);
		HttpResponse<String> created = send(
				asOperator(admin("/api/v1/routes")).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(route)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> get(gateway("/api/async/home")).statusCode() != 404);

		String token = token("heidi");
		HttpResponse<String> accepted = send(HttpRequest.newBuilder(gateway("/api/async/home"))
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", "e2e-async-1")
			.GET());
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String location = accepted.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith("/invocations/async-home/");
		String id = json.readTree(accepted.body()).path("id").asString();
		assertThat(location).endsWith(id);

		// The same key again is the same invocation, not a second one.
		HttpResponse<String> again = send(HttpRequest.newBuilder(gateway("/api/async/home"))
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", "e2e-async-1")
			.GET());
		assertThat(json.readTree(again.body()).path("id").asString()).isEqualTo(id);

		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			HttpResponse<String> status = get(gateway(location), token);
			assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
			JsonNode invocation = json.readTree(status.body());
			assertThat(invocation.path("status").asString()).isEqualTo("succeeded");
			assertThat(invocation.path("result").path("greeting").asString()).isEqualTo("Hi Heidi");
		});
		// Nobody else reads it.
		assertThat(get(gateway(location), token("ivan")).statusCode()).isEqualTo(404);
		assertThat(get(gateway(location)).statusCode()).isEqualTo(401);
	}

	@Test
	@Order(42)
	void timerTriggerFiresEveryScheduledTimeExactlyOnceWithTwoRuntimes() throws Exception {
		double before = asyncSucceeded("product");
		String trigger = """
				{"id":"e2e-tick","cron":"* * * * * *","function":"product","runtime":"%s","payload":{"id":"p3"}}"""
			.formatted(functionsUri);
		HttpResponse<String> created = send(
				asOperator(admin("/api/v1/triggers")).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(trigger)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> firings("e2e-tick").size() >= 4);
		HttpResponse<String> disabled = send(asOperator(admin("/api/v1/triggers/e2e-tick"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(trigger.replace("\"payload\"", "\"enabled\":false,\"payload\""))));
		assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

		// Every firing reached the runtimes once, and both runtimes together ran each
		// once.
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			List<JsonNode> firings = firings("e2e-tick");
			assertThat(firings).allSatisfy((firing) -> assertThat(firing.path("status").asString()).isEqualTo("fired"));
			assertThat(firings.stream().map((firing) -> firing.path("invocationId").asString()).distinct())
				.hasSameSizeAs(firings);
			assertThat(asyncSucceeded("product") - before).isEqualTo(firings.size());
		});
		List<JsonNode> firings = firings("e2e-tick");
		assertThat(firings.stream().map((firing) -> firing.path("scheduledAt").asString()).distinct())
			.hasSameSizeAs(firings);
	}

	private static List<JsonNode> firings(String trigger) throws Exception {
		HttpResponse<String> response = send(as("viewer", admin("/api/v1/triggers/" + trigger + "/firings")).GET());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<JsonNode> firings = new ArrayList<>();
		json.readTree(response.body()).forEach(firings::add);
		return firings;
	}

	/**
	 * The async invocations of a function that succeeded, on both function runtimes.
	 */
	private static double asyncSucceeded(String function) throws Exception {
		double total = 0;
		for (int port : new int[] { functionsManagementPort, canaryManagementPort }) {
			String scrape = get(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).body();
			for (String line : scrape.split("\n")) {
				if (line.startsWith("frontline_async_invocations_total{")
						&& line.contains("function=\"" + function + "\"") && line.contains("status=\"succeeded\"")) {
					total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				}
			}
		}
		return total;
	}

	@Test
	@Order(40)
	void refusesAnInvalidRouteWithEveryFieldErrorAndChangesNothing() throws Exception {
		long before = currentVersion();
		String invalid = """
				{"id":"Bad Id","match":{"path":"no-slash","methods":["FETCH"]},
				 "stable":{"uris":["ftp://nowhere"],"function":"not a function"},
				 "canary":{"target":{"uris":["http://127.0.0.1:1"],"function":"f"},"weight":150}}""";
		HttpResponse<String> response = send(
				asOperator(admin("/api/v1/routes")).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(invalid)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		List<String> fields = new ArrayList<>();
		json.readTree(response.body()).path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		assertThat(fields).anyMatch((field) -> field.startsWith("id"))
			.anyMatch((field) -> field.startsWith("match.path"))
			.anyMatch((field) -> field.startsWith("match.methods"))
			.anyMatch((field) -> field.startsWith("stable.uris"))
			.anyMatch((field) -> field.startsWith("stable.function"))
			.anyMatch((field) -> field.startsWith("canary.weight"));
		assertThat(currentVersion()).isEqualTo(before);
	}

	@Test
	@Order(50)
	void gatewayFollowsARouteChangeWithinSeconds() throws Exception {
		HttpResponse<String> current = send(asOperator(admin("/api/v1/routes/product")).GET());
		assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
		String moved = current.body().replace("/api/products/{id}", "/api/catalog/{id}");
		HttpResponse<String> update = send(
				asOperator(admin("/api/v1/routes/product")).header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString(moved)));
		assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
		long version = currentVersion();

		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(get(gateway("/api/catalog/p2")).statusCode()).isEqualTo(200));
		assertThat(get(gateway("/api/products/p2")).statusCode()).isEqualTo(404);

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			JsonNode fleet = json.readTree(send(as("viewer", admin("/api/v1/gateways")).GET()).body());
			JsonNode self = findGateway(fleet);
			assertThat(self.path("appliedVersion").asLong()).isEqualTo(version);
			assertThat(self.path("inSync").asBoolean()).isTrue();
		});
	}

	@Test
	@Order(60)
	void keepsServingWhenTheAdminConsoleStops() throws Exception {
		admin.stop();
		for (int i = 0; i < 20; i++) {
			assertThat(get(gateway("/api/catalog/p3")).statusCode()).isEqualTo(200);
		}
		assertThat(get(gateway("/api/m/home"), token("carol")).statusCode()).isEqualTo(200);
	}

	@Test
	@Order(70)
	void restartedGatewayServesFromItsSavedSnapshotWhileTheAdminConsoleIsDown() throws Exception {
		gateway.stop();
		services.remove(gateway);
		gateway = gateway();
		services.add(gateway.start());
		gateway.awaitReady(STARTUP);
		assertThat(get(gateway("/api/catalog/p4")).statusCode()).isEqualTo(200);
		assertThat(get(gateway("/api/web/home"), token("dave")).statusCode()).isEqualTo(200);
	}

	@Test
	@Order(80)
	void resynchronizesWhenTheAdminConsoleReturns() throws Exception {
		services.remove(admin);
		admin = adminConsole();
		services.add(admin.start());
		admin.awaitReady(STARTUP);
		HttpResponse<String> current = send(asOperator(admin("/api/v1/routes/product")).GET());
		String movedBack = current.body().replace("/api/catalog/{id}", "/api/products/{id}");
		HttpResponse<String> update = send(
				asOperator(admin("/api/v1/routes/product")).header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString(movedBack)));
		assertThat(update.statusCode()).as(update.body()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(get(gateway("/api/products/p5")).statusCode()).isEqualTo(200));
	}

	private static JsonNode findGateway(JsonNode fleet) {
		for (JsonNode node : fleet) {
			if ("e2e-gateway".equals(node.path("id").asString())) {
				return node;
			}
		}
		throw new AssertionError("gateway e2e-gateway not in the fleet: " + fleet);
	}

	private static long currentVersion() throws Exception {
		HttpResponse<String> response = send(as("viewer", admin("/api/v1/config")).GET());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).path("version").asLong();
	}

	private static String token(String user, String... scopes) throws Exception {
		List<String> command = new ArrayList<>(
				List.of("bash", ServiceProcess.root().resolve("frontline").toString(), "token", user));
		command.addAll(List.of(scopes));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes()).trim();
		assertThat(process.waitFor()).as(output).isZero();
		return output;
	}

	private static HttpResponse<String> get(URI uri, String token) throws Exception {
		return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET());
	}

	private static HttpRequest.Builder asOperator(URI uri) {
		return as("operator", uri);
	}

	private static HttpRequest.Builder as(String user, URI uri) {
		String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(uri).header("Authorization", "Basic " + credentials);
	}

	private static URI gateway(String path) {
		return URI.create("http://127.0.0.1:" + gatewayPort + path);
	}

	private static URI admin(String path) {
		return URI.create("http://127.0.0.1:" + adminPort + path);
	}

	private static HttpResponse<String> get(URI uri) throws Exception {
		return send(HttpRequest.newBuilder(uri).GET());
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Requests sent one after another on a thread of their own until closed.
	 */
	private static final class Traffic implements AutoCloseable {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final Thread thread;

		private Traffic(Call call) {
			this.thread = new Thread(() -> {
				while (this.running.get()) {
					try {
						call.run();
					}
					catch (Exception ex) {
						// A request that fails is counted by the gateway; the loop goes
						// on.
					}
				}
			}, "e2e-traffic");
		}

		static Traffic start(Call call) {
			Traffic traffic = new Traffic(call);
			traffic.thread.start();
			return traffic;
		}

		@Override
		public void close() throws InterruptedException {
			this.running.set(false);
			this.thread.join(10_000);
		}

		@FunctionalInterface
		interface Call {

			void run() throws Exception;

		}

	}

}
