package dev.frontline.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
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
 * Parts of the platform failing while it serves, each service in its own JVM: a backend
 * that dies or turns slow, a canary runtime that dies during a release, and an admin
 * console that stays away for minutes while two gateways serve, one of them restarted
 * meanwhile. The tests run in order and share the platform, because each one takes a part
 * of it down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIntegrationTests {

	/**
	 * How long the admin console stays down: long enough for every gateway to have given
	 * up its watch and backed off to the longest wait between reconnects (15 s by
	 * default) many times over.
	 */
	private static final Duration CONSOLE_OUTAGE = Duration.ofMinutes(2);

	private static final Duration STARTUP = Duration.ofSeconds(180);

	private static final String GATEWAY_A = "fault-gateway-a";

	private static final String GATEWAY_B = "fault-gateway-b";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final List<ServiceProcess> services = new ArrayList<>();

	private static Path dataDir;

	private static Path logDir;

	private static int cartPort;

	private static int cartProfilePort;

	private static int cartCatalogPort;

	private static String functionsUri;

	private static int functionsManagementPort;

	private static String canaryUri;

	private static int adminPort;

	private static int adminManagementPort;

	private static final int[] gatewayPorts = new int[2];

	private static final int[] gatewayManagementPorts = new int[2];

	private static ServiceProcess cart;

	private static ServiceProcess canary;

	private static ServiceProcess admin;

	private static ServiceProcess gatewayB;

	@RegisterExtension
	static final TestWatcher printLogsOnFailure = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			services.forEach((service) -> System.err.println("---- " + service + " ----\n" + service.tail()));
		}
	};

	@BeforeAll
	static void startPlatform() throws Exception {
		dataDir = Files.createTempDirectory("frontline-faults");
		logDir = Path.of("target", "e2e-logs", "faults").toAbsolutePath();
		int profilePort = ServiceProcess.freePort();
		int catalogPort = ServiceProcess.freePort();
		cartPort = ServiceProcess.freePort();
		// The cart runs in a process of its own, so that it can die while the profile and
		// the catalog, which the home page cannot do without, keep answering. Each
		// process
		// binds all three backends; the ones nobody calls get ports of their own.
		int cartSparePort = ServiceProcess.freePort();
		cartProfilePort = ServiceProcess.freePort();
		cartCatalogPort = ServiceProcess.freePort();
		int functionsPort = ServiceProcess.freePort();
		functionsUri = "http://127.0.0.1:" + functionsPort;
		functionsManagementPort = ServiceProcess.freePort();
		int canaryPort = ServiceProcess.freePort();
		canaryUri = "http://127.0.0.1:" + canaryPort;
		adminPort = ServiceProcess.freePort();
		adminManagementPort = ServiceProcess.freePort();
		for (int i = 0; i < 2; i++) {
			gatewayPorts[i] = ServiceProcess.freePort();
			gatewayManagementPorts[i] = ServiceProcess.freePort();
		}

		List<String> backends = List.of("--frontline.backends.profile.url=http://127.0.0.1:" + profilePort,
				"--frontline.backends.catalog.url=http://127.0.0.1:" + catalogPort,
				"--frontline.backends.cart.url=http://127.0.0.1:" + cartPort);
		List<String> functionsArguments = new ArrayList<>(List.of("--frontline.data-dir=" + dataDir));
		functionsArguments.addAll(backends);
		// The canary keeps its asynchronous invocations apart: it is killed, and must not
		// take the stable runtime's store down with it.
		List<String> canaryArguments = new ArrayList<>(
				List.of("--frontline.data-dir=" + dataDir.resolve("canary"), "--frontline.demo.variant=canary"));
		canaryArguments.addAll(backends);
		cart = cartBackend();
		canary = ServiceProcess.springBoot("bff-functions-canary", "bff-functions", canaryPort,
				ServiceProcess.freePort(), logDir, canaryArguments);
		admin = adminConsole();
		gatewayB = gateway(1);
		List<ServiceProcess> all = List.of(
				ServiceProcess.demoBackends(profilePort, catalogPort, cartSparePort, logDir), cart, ServiceProcess
					.springBoot("bff-functions", functionsPort, functionsManagementPort, logDir, functionsArguments),
				canary, admin, gateway(0), gatewayB);
		for (ServiceProcess service : all) {
			services.add(service.start());
		}
		for (ServiceProcess service : services) {
			service.awaitReady(STARTUP);
		}
	}

	private static ServiceProcess cartBackend() {
		return ServiceProcess.demoBackends("demo-backends-cart", cartProfilePort, cartCatalogPort, cartPort, logDir);
	}

	private static ServiceProcess adminConsole() {
		return ServiceProcess.springBoot("admin-console", adminPort, adminManagementPort, logDir,
				List.of("--frontline.data-dir=" + dataDir, "--frontline.admin.seed.functions-uri=" + functionsUri));
	}

	/**
	 * Gateway 0 or 1, each with its id and ports, and the watch's reconnect settings left
	 * at their defaults.
	 */
	private static ServiceProcess gateway(int index) {
		String id = (index == 0) ? GATEWAY_A : GATEWAY_B;
		return ServiceProcess.springBoot(id, "gateway", gatewayPorts[index], gatewayManagementPorts[index], logDir,
				List.of("--frontline.data-dir=" + dataDir, "--frontline.gateway.id=" + id,
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
	void answersWithoutTheCartWhileItsBackendIsDownAndOpensItsCircuit() throws Exception {
		String token = token("olivia");
		HttpResponse<String> whole = get(gateway(0, "/api/m/home"), token);
		assertThat(whole.statusCode()).as(whole.body()).isEqualTo(200);
		assertThat(whole.headers().firstValue("X-Frontline-Partial")).isEmpty();

		cart.kill();
		HttpResponse<String> partial = get(gateway(0, "/api/m/home"), token);
		assertThat(partial.statusCode()).as(partial.body()).isEqualTo(200);
		assertThat(partial.headers().firstValue("X-Frontline-Partial")).contains("true");
		JsonNode body = json.readTree(partial.body());
		assertThat(body.path("greeting").asString()).isEqualTo("Hi Olivia");
		assertThat(body.path("missing").toString()).contains("cart");

		// Failed calls pile up until the cart's circuit opens; from then on the runtime
		// does not even try, and every page is still answered, without the cart.
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			HttpResponse<String> response = get(gateway(0, "/api/m/home"), token);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(metric(functionsManagementPort, "resilience4j_circuitbreaker_state", "name=\"cart\"",
					"state=\"open\""))
				.isEqualTo(1.0);
		});
		double refusedBefore = metric(functionsManagementPort, "frontline_backend_calls_seconds_count",
				"backend=\"cart\"", "outcome=\"circuit_open\"");
		HttpResponse<String> whileOpen = get(gateway(0, "/api/m/home"), token);
		assertThat(whileOpen.statusCode()).as(whileOpen.body()).isEqualTo(200);
		assertThat(whileOpen.headers().firstValue("X-Frontline-Partial")).contains("true");
		assertThat(metric(functionsManagementPort, "frontline_backend_calls_seconds_count", "backend=\"cart\"",
				"outcome=\"circuit_open\""))
			.isGreaterThan(refusedBefore);
	}

	@Test
	@Order(11)
	void servesTheWholePageAgainOnceTheCartReturnsAndItsCircuitCloses() throws Exception {
		services.remove(cart);
		cart = cartBackend();
		services.add(cart.start());
		cart.awaitReady(STARTUP);
		String token = token("olivia");
		// The circuit stays open for its wait (10 s), then lets trial calls through.
		await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			HttpResponse<String> response = get(gateway(0, "/api/m/home"), token);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.headers().firstValue("X-Frontline-Partial")).isEmpty();
			assertThat(json.readTree(response.body()).path("cartCount").asInt()).isPositive();
			assertThat(metric(functionsManagementPort, "resilience4j_circuitbreaker_state", "name=\"cart\"",
					"state=\"closed\""))
				.isEqualTo(1.0);
		});
	}

	@Test
	@Order(12)
	void answersWithoutTheCartWithinItsPartTimeoutWhileTheCartIsSlow() throws Exception {
		URI faults = URI.create("http://127.0.0.1:" + cartPort + "/__faults");
		HttpResponse<String> slowed = send(HttpRequest.newBuilder(faults)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"latencyMs\":5000}")));
		assertThat(slowed.statusCode()).as(slowed.body()).isEqualTo(200);
		String token = token("olivia");
		try {
			for (int i = 0; i < 3; i++) {
				long started = System.nanoTime();
				HttpResponse<String> response = get(gateway(0, "/api/m/home"), token);
				Duration took = Duration.ofNanos(System.nanoTime() - started);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				assertThat(response.headers().firstValue("X-Frontline-Partial")).contains("true");
				assertThat(json.readTree(response.body()).path("missing").toString()).contains("cart");
				// The page gives up on the cart after its part timeout (1 s): before its
				// own deadline (3 s), and long before the cart would answer.
				assertThat(took).isLessThan(Duration.ofSeconds(3));
			}
		}
		finally {
			send(HttpRequest.newBuilder(faults).DELETE());
		}
		HttpResponse<String> whole = get(gateway(0, "/api/m/home"), token);
		assertThat(whole.statusCode()).as(whole.body()).isEqualTo(200);
		assertThat(whole.headers().firstValue("X-Frontline-Partial")).isEmpty();
	}

	@Test
	@Order(20)
	void rollsTheReleaseBackWhenTheCanaryRuntimeDiesAndServesEveryoneFromStable() throws Exception {
		createHomeRoute("crash-home", "/api/crash/home");
		long release = startRelease("crash-home");
		Set<String> seen = ConcurrentHashMap.newKeySet();
		String token = token("paul");
		AtomicBoolean running = new AtomicBoolean(true);
		Thread traffic = new Thread(() -> {
			while (running.get()) {
				try {
					HttpResponse<String> response = get(gateway(0, "/api/crash/home"), token);
					seen.add(response.headers().firstValue("X-Frontline-Variant").orElse("none") + ":"
							+ response.statusCode());
				}
				catch (Exception ex) {
					seen.add("no answer: " + ex);
				}
			}
		}, "e2e-crash-traffic");
		traffic.start();
		try {
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> seen.contains("canary:200"));
			canary.kill();
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> "rolled_back".equals(release(release).path("state").asString()));
		}
		finally {
			running.set(false);
			traffic.join(10_000);
		}
		// The gateway could not reach the dead canary and said so, instead of hanging.
		assertThat(seen).contains("canary:502");
		JsonNode rolledBack = release(release);
		assertThat(rolledBack.path("weight").asInt()).isZero();
		assertThat(verdicts(rolledBack)).contains("fail");
		JsonNode route = json.readTree(send(as("viewer", admin("/api/v1/routes/crash-home")).GET()).body());
		assertThat(route.path("stable").path("uris").get(0).asString()).isEqualTo(functionsUri);

		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(
					get(gateway(0, "/api/crash/home"), token).headers().firstValue("X-Frontline-Variant"))
				.contains("stable"));
		for (int i = 0; i < 30; i++) {
			HttpResponse<String> response = get(gateway(0, "/api/crash/home"), token);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.headers().firstValue("X-Frontline-Variant")).contains("stable");
		}
	}

	@Test
	@Order(30)
	void keepsEveryGatewayServingThroughALongConsoleOutageAndResyncsWhenItReturns() throws Exception {
		long versionBefore = currentVersion();
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			for (int gateway = 0; gateway < 2; gateway++) {
				assertThat(metric(gatewayManagementPorts[gateway], "frontline_gateway_config_version"))
					.as("gateway %d version", gateway)
					.isEqualTo((double) versionBefore);
			}
		});
		String token = token("quinn");
		List<SteadyLoad> loads = new ArrayList<>(List.of(storefrontLoad(0, token), storefrontLoad(1, token)));
		try {
			admin.stop();
			long outageStarted = System.nanoTime();

			// Both gateways notice that the watch is gone, and stay ready: they serve on.
			awaitControlPlane(0.0, "disconnected");

			// A gateway that restarts now has no console to ask: it serves the snapshot
			// it saved. A starting JVM takes both cores of a small machine for a while,
			// so the load pauses meanwhile: requests sent then would measure the machine.
			for (SteadyLoad load : loads) {
				load.close();
			}
			gatewayB.stop();
			services.remove(gatewayB);
			gatewayB = gateway(1);
			services.add(gatewayB.start());
			gatewayB.awaitReady(STARTUP);
			awaitControlPlane(0.0, "disconnected");
			assertThat(metric(gatewayManagementPorts[1], "frontline_gateway_config_version"))
				.isEqualTo((double) versionBefore);
			loads.add(storefrontLoad(0, token));
			loads.add(storefrontLoad(1, token));

			// For the rest of the outage every request succeeds, and at its end both
			// gateways still know they are cut off.
			Duration left = CONSOLE_OUTAGE.minusNanos(System.nanoTime() - outageStarted);
			if (left.compareTo(Duration.ZERO) > 0) {
				await().during(left)
					.atMost(left.plusSeconds(30))
					.pollInterval(Duration.ofSeconds(1))
					.untilAsserted(() -> assertNoFailures(loads));
			}
			assertThat(Duration.ofNanos(System.nanoTime() - outageStarted)).isGreaterThanOrEqualTo(CONSOLE_OUTAGE);
			awaitControlPlane(0.0, "disconnected");

			services.remove(admin);
			admin = adminConsole();
			services.add(admin.start());
			admin.awaitReady(STARTUP);
			createProductRoute("after-outage", "/api/after-outage/{id}");
			long versionAfter = currentVersion();
			assertThat(versionAfter).isGreaterThan(versionBefore);

			// Each gateway reconnects within its longest backoff and applies the change.
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				for (int gateway = 0; gateway < 2; gateway++) {
					HttpResponse<String> response = get(gateway(gateway, "/api/after-outage/p6"));
					assertThat(response.statusCode()).as("gateway %d: %s", gateway, response.body()).isEqualTo(200);
				}
			});
			awaitControlPlane(1.0, "connected");
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				JsonNode fleet = json.readTree(send(as("viewer", admin("/api/v1/gateways")).GET()).body());
				for (String id : List.of(GATEWAY_A, GATEWAY_B)) {
					JsonNode member = member(fleet, id);
					assertThat(member.path("appliedVersion").asLong()).as(id).isEqualTo(versionAfter);
					assertThat(member.path("inSync").asBoolean()).as(id).isTrue();
					assertThat(member.path("controlPlaneConnected").asBoolean()).as(id).isTrue();
					assertThat(member.path("status").asString()).as(id).isEqualTo("up");
				}
			});
		}
		finally {
			for (SteadyLoad load : loads) {
				load.close();
			}
		}
		assertNoFailures(loads);
		// Ten requests a second on each gateway for about two minutes.
		assertThat(loads.stream().mapToLong(SteadyLoad::succeeded).sum())
			.isGreaterThan(CONSOLE_OUTAGE.toSeconds() * 10);
	}

	private static void assertNoFailures(List<SteadyLoad> loads) {
		for (SteadyLoad load : loads) {
			assertThat(load.failures()).isEmpty();
		}
	}

	/**
	 * Ten requests a second on a gateway of what a storefront user asks: the mobile home
	 * page, signed in, and a product page.
	 */
	private static SteadyLoad storefrontLoad(int gateway, String token) {
		return SteadyLoad.start(10,
				List.of(() -> HttpRequest.newBuilder(gateway(gateway, "/api/m/home"))
					.header("Authorization", "Bearer " + token)
					.timeout(Duration.ofSeconds(10))
					.build(),
						() -> HttpRequest.newBuilder(gateway(gateway, "/api/products/p2"))
							.timeout(Duration.ofSeconds(10))
							.build()));
	}

	/**
	 * Waits until both gateways report the control plane so, on
	 * {@code /actuator/prometheus} and in their readiness, and are ready either way. A
	 * management request that gets no answer within its timeout is sent again: on a
	 * loaded machine one on a pooled connection has stalled for seconds while new
	 * connections were answered at once.
	 */
	private static void awaitControlPlane(double connected, String detail) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptionsInstanceOf(HttpTimeoutException.class)
			.untilAsserted(() -> assertControlPlane(connected, detail));
	}

	private static void assertControlPlane(double connected, String detail) throws Exception {
		for (int gateway = 0; gateway < 2; gateway++) {
			assertThat(metric(gatewayManagementPorts[gateway], "frontline_gateway_control_plane_connected"))
				.as("gateway %d connected", gateway)
				.isEqualTo(connected);
			HttpResponse<String> readiness = get(
					URI.create("http://127.0.0.1:" + gatewayManagementPorts[gateway] + "/actuator/health/readiness"));
			assertThat(readiness.statusCode()).as("gateway %d: %s", gateway, readiness.body()).isEqualTo(200);
			assertThat(json.readTree(readiness.body()).at("/components/snapshot/details/controlPlane").asString())
				.as("gateway %d: %s", gateway, readiness.body())
				.isEqualTo(detail);
		}
	}

	/**
	 * The value of the one series of a metric, on a service's
	 * {@code /actuator/prometheus}, whose labels include the given ones
	 * ({@code name="value"}); 0 if there is none.
	 */
	private static double metric(int managementPort, String name, String... labels) throws Exception {
		HttpResponse<String> scrape = get(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"));
		assertThat(scrape.statusCode()).isEqualTo(200);
		List<Double> values = new ArrayList<>();
		for (String line : scrape.body().split("\n")) {
			if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
				continue;
			}
			String series = line.substring(0, line.lastIndexOf(' '));
			if (List.of(labels).stream().allMatch(series::contains)) {
				values.add(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
			}
		}
		assertThat(values).as("series of %s with %s", name, List.of(labels)).hasSizeLessThanOrEqualTo(1);
		return values.isEmpty() ? 0 : values.get(0);
	}

	private static void createHomeRoute(String id, String path) throws Exception {
		createRoute("""
				{"id":"%s","match":{"path":"%s","methods":["GET"]},
				 "stable":{"uris":["%s"],"function":"homePage|mobileView"}}""".formatted(id, path, functionsUri));
	}

	private static void createProductRoute(String id, String path) throws Exception {
		createRoute("""
				{"id":"%s","match":{"path":"%s","methods":["GET"]},"auth":{"mode":"public"},
				 "stable":{"uris":["%s"],"function":"product"}}""".formatted(id, path, functionsUri));
	}

	private static void createRoute(String route) throws Exception {
		HttpResponse<String> created = send(
				as("operator", admin("/api/v1/routes")).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(route)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	/**
	 * Starts an automated release of the canary runtime on a route, a step every two
	 * seconds through four steps, so that it is still under way when the canary dies,
	 * with every request drawn at random so that one user's traffic reaches both sides.
	 */
	private static long startRelease(String routeId) throws Exception {
		String body = """
				{"routeId":"%s","canary":{"uris":["%s"],"function":"homePage|mobileView"},
				 "sticky":"none","steps":[25,50,75,100],"interval":"2s",
				 "analysis":{"maxErrorRate":0.05,"maxP99Ms":3000,"maxErrorRateDelta":0.05,"maxP99Ratio":10,
				             "minRequestsPerStep":10,"failureThreshold":2}}""".formatted(routeId, canaryUri);
		HttpResponse<String> started = send(
				as("operator", admin("/api/v1/releases")).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		return json.readTree(started.body()).path("id").asLong();
	}

	private static JsonNode release(long id) throws Exception {
		HttpResponse<String> response = send(as("viewer", admin("/api/v1/releases/" + id)).GET());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static List<String> verdicts(JsonNode release) {
		List<String> verdicts = new ArrayList<>();
		release.path("evaluations").forEach((evaluation) -> verdicts.add(evaluation.path("verdict").asString()));
		return verdicts;
	}

	private static JsonNode member(JsonNode fleet, String id) {
		for (JsonNode node : fleet) {
			if (id.equals(node.path("id").asString())) {
				return node;
			}
		}
		throw new AssertionError("gateway " + id + " not in the fleet: " + fleet);
	}

	private static long currentVersion() throws Exception {
		HttpResponse<String> response = send(as("viewer", admin("/api/v1/config")).GET());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).path("version").asLong();
	}

	private static String token(String user) throws Exception {
		Process process = new ProcessBuilder("bash", ServiceProcess.root().resolve("frontline").toString(), "token",
				user)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		assertThat(process.waitFor()).as(output).isZero();
		return output;
	}

	private static HttpRequest.Builder as(String user, URI uri) {
		String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(uri).header("Authorization", "Basic " + credentials);
	}

	private static URI gateway(int index, String path) {
		return URI.create("http://127.0.0.1:" + gatewayPorts[index] + path);
	}

	private static URI admin(String path) {
		return URI.create("http://127.0.0.1:" + adminPort + path);
	}

	private static HttpResponse<String> get(URI uri) throws Exception {
		return send(HttpRequest.newBuilder(uri).GET());
	}

	private static HttpResponse<String> get(URI uri, String token) throws Exception {
		return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET());
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		HttpRequest built = request.timeout(Duration.ofSeconds(10)).build();
		try {
			return http.send(built, HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			throw new HttpTimeoutException(built.method() + " " + built.uri() + " got no answer within 10 s");
		}
	}

}
