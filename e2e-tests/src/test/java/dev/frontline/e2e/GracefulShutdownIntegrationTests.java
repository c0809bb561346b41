package dev.frontline.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

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
 * Restarts under steady load. Two gateways stand behind one balancer and two function
 * runtimes behind another, the stable target of the route; each balancer polls readiness
 * the way a cloud load balancer does. The runtimes share their async store in PostgreSQL,
 * as in production (skipped without a local server, unless {@code CI=true}). One instance
 * of each kind is stopped with SIGTERM, as Kubernetes and Docker stop it, and started
 * again while clients keep calling a route that composes a function over slow backends:
 * not one request may fail, and every async invocation accepted meanwhile completes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GracefulShutdownIntegrationTests {

	private static final Duration STARTUP = Duration.ofSeconds(120);

	// Twenty polls of the balancers: time enough for the two failed probes that take an
	// instance out of rotation, on a busy machine too, and short, so that restarts stay
	// quick.
	private static final Duration DRAIN = ReadinessBalancer.POLL_INTERVAL.multipliedBy(20);

	// What ./frontline down and docker compose wait for before they kill a service.
	private static final Duration GRACE = Duration.ofSeconds(30);

	// Every backend call takes this long, so that requests are in flight at any moment.
	private static final Duration BACKEND_LATENCY = Duration.ofMillis(100);

	private static final int CLIENTS = 8;

	private static final String POSTGRES = "127.0.0.1:5432";

	// A schema of this run's own in the server's test database, dropped afterwards.
	private static final String SCHEMA = "functions_e2e_" + UUID.randomUUID().toString().replace("-", "");

	// Requests that each instance serves before a restart and after it.
	private static final int SERVED_EACH_SIDE = 20;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private static final List<ServiceProcess> services = new ArrayList<>();

	private static final ServiceProcess[] gateways = new ServiceProcess[2];

	private static final ServiceProcess[] runtimes = new ServiceProcess[2];

	private static final int[] gatewayPorts = new int[2];

	private static final int[] gatewayManagementPorts = new int[2];

	private static final int[] runtimePorts = new int[2];

	private static final int[] runtimeManagementPorts = new int[2];

	private static final int[] backendPorts = new int[3];

	private static final ReadinessBalancer.Instance[] gatewayInstances = new ReadinessBalancer.Instance[2];

	private static final ReadinessBalancer.Instance[] runtimeInstances = new ReadinessBalancer.Instance[2];

	private static ReadinessBalancer gatewayBalancer;

	private static ReadinessBalancer runtimeBalancer;

	private static Path dataDir;

	private static Path logDir;

	private static int adminPort;

	private static String token;

	@RegisterExtension
	static final TestWatcher printLogsOnFailure = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			services.forEach((service) -> System.err.println("---- " + service + " ----\n" + service.tail()));
		}
	};

	@BeforeAll
	static void startPlatform() throws Exception {
		requirePostgres();
		dataDir = Files.createTempDirectory("frontline-shutdown-e2e");
		logDir = Path.of("target", "e2e-logs", "graceful-shutdown").toAbsolutePath();
		for (int i = 0; i < backendPorts.length; i++) {
			backendPorts[i] = ServiceProcess.freePort();
		}
		adminPort = ServiceProcess.freePort();
		for (int i = 0; i < 2; i++) {
			gatewayPorts[i] = ServiceProcess.freePort();
			gatewayManagementPorts[i] = ServiceProcess.freePort();
			runtimePorts[i] = ServiceProcess.freePort();
			runtimeManagementPorts[i] = ServiceProcess.freePort();
			gatewayInstances[i] = new ReadinessBalancer.Instance("gateway-" + (i + 1), gatewayPorts[i],
					gatewayManagementPorts[i]);
			runtimeInstances[i] = new ReadinessBalancer.Instance("bff-functions-" + (i + 1), runtimePorts[i],
					runtimeManagementPorts[i]);
		}
		gatewayBalancer = ReadinessBalancer.start("gateways", gatewayInstances);
		runtimeBalancer = ReadinessBalancer.start("function runtimes", runtimeInstances);

		ServiceProcess backends = ServiceProcess.demoBackends(backendPorts[0], backendPorts[1], backendPorts[2],
				BACKEND_LATENCY, logDir);
		ServiceProcess admin = ServiceProcess.springBoot("admin-console", adminPort, ServiceProcess.freePort(), logDir,
				List.of("--frontline.data-dir=" + dataDir,
						"--frontline.admin.seed.functions-uri=" + runtimeBalancer.uri(),
						"--frontline.shutdown.drain-delay=" + DRAIN.toMillis() + "ms"));
		for (int i = 0; i < 2; i++) {
			gateways[i] = gateway(i);
			runtimes[i] = runtime(i);
		}
		for (ServiceProcess service : List.of(backends, admin, runtimes[0], runtimes[1], gateways[0], gateways[1])) {
			services.add(service.start());
		}
		for (ServiceProcess service : services) {
			service.awaitReady(STARTUP);
		}
		token = token("alice");
		createRoute("""
				{"id":"shutdown-home","match":{"path":"/api/shutdown/home","methods":["GET"]},
				 "stable":{"uris":["%s"],"function":"homePage|mobileView"}}""".formatted(runtimeBalancer.uri()));
		createRoute("""
				{"id":"shutdown-async","match":{"path":"/api/shutdown/async","methods":["GET"]},
				 "stable":{"uris":["%s"],"function":"homePage|mobileView"},
				 "async":{"always":true}}""".formatted(runtimeBalancer.uri()));
		for (int port : gatewayPorts) {
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> get(URI.create("http://127.0.0.1:" + port + "/api/shutdown/async")).statusCode() == 202);
		}
	}

	private static ServiceProcess gateway(int index) {
		return ServiceProcess.springBoot("gateway-" + (index + 1), "gateway", gatewayPorts[index],
				gatewayManagementPorts[index], logDir,
				List.of("--frontline.data-dir=" + dataDir, "--frontline.gateway.id=shutdown-gateway-" + (index + 1),
						"--frontline.gateway.control-plane.uri=http://127.0.0.1:" + adminPort,
						"--frontline.shutdown.drain-delay=" + DRAIN.toMillis() + "ms"));
	}

	private static ServiceProcess runtime(int index) {
		return ServiceProcess.springBoot("bff-functions-" + (index + 1), "bff-functions", runtimePorts[index],
				runtimeManagementPorts[index], logDir,
				List.of("--frontline.data-dir=" + dataDir, "--spring.profiles.active=postgres",
						"--spring.datasource.url=jdbc:postgresql://" + POSTGRES + "/test",
						"--spring.datasource.username=postgres", "--spring.datasource.hikari.schema=" + SCHEMA,
						"--spring.flyway.schemas=" + SCHEMA,
						"--frontline.backends.profile.url=http://127.0.0.1:" + backendPorts[0],
						"--frontline.backends.catalog.url=http://127.0.0.1:" + backendPorts[1],
						"--frontline.backends.cart.url=http://127.0.0.1:" + backendPorts[2],
						"--frontline.shutdown.drain-delay=" + DRAIN.toMillis() + "ms"));
	}

	@AfterAll
	static void stopPlatform() throws Exception {
		List<CompletableFuture<Process>> exits = new ArrayList<>();
		for (ServiceProcess service : services) {
			exits.add(service.terminate());
		}
		CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).get(GRACE.toSeconds(), TimeUnit.SECONDS);
		if (gatewayBalancer != null) {
			gatewayBalancer.close();
			runtimeBalancer.close();
			dropSchema();
		}
	}

	/**
	 * Skips these tests, saying why, when no PostgreSQL server listens on localhost;
	 * fails them instead when {@code CI=true}.
	 */
	private static void requirePostgres() {
		if (refusesConnections(5432)) {
			String message = "PostgreSQL is not reachable at " + POSTGRES;
			assertThat("true".equals(System.getenv("CI"))).as(message + " (required because CI=true)").isFalse();
			Assumptions.abort(message + "; skipping the graceful shutdown tests, whose function runtimes share "
					+ "their async store there");
		}
	}

	// With psql, as the test has no JDBC driver of its own; without it the schema stays.
	private static void dropSchema() throws Exception {
		try {
			Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-qc",
					"DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE")
				.redirectErrorStream(true)
				.start();
			String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (psql.waitFor() != 0) {
				System.err.println("Could not drop schema " + SCHEMA + ": " + output);
			}
		}
		catch (IOException ex) {
			System.err.println("psql is missing: schema " + SCHEMA + " stays in the test database");
		}
	}

	@Test
	@Order(1)
	void losesNoRequestWhileAGatewayRestartsUnderLoad() throws Exception {
		try (Load load = Load.start(CLIENTS, () -> get(gatewayBalancer.uri().resolve("/api/shutdown/home"), token),
				200)) {
			restartUnderLoad(gateways, 0, GracefulShutdownIntegrationTests::gateway, gatewayInstances, gatewayPorts[0]);
			load.stop();
			assertThat(load.failures()).isEmpty();
			assertThat(gatewayBalancer.failures()).isEmpty();
			assertThat(runtimeBalancer.failures()).isEmpty();
			assertThat(load.succeeded()).isGreaterThan(200);
		}
	}

	@Test
	@Order(2)
	void losesNoRequestAndNoAsyncInvocationWhileAFunctionRuntimeRestartsUnderLoad() throws Exception {
		Set<String> accepted = ConcurrentHashMap.newKeySet();
		try (Load load = Load.start(CLIENTS, () -> get(gatewayBalancer.uri().resolve("/api/shutdown/home"), token),
				200); AsyncSubmissions async = AsyncSubmissions.start(accepted)) {
			restartUnderLoad(runtimes, 0, GracefulShutdownIntegrationTests::runtime, runtimeInstances, runtimePorts[0]);
			load.stop();
			async.stop();
			assertThat(load.failures()).isEmpty();
			assertThat(async.failures()).isEmpty();
			assertThat(gatewayBalancer.failures()).isEmpty();
			assertThat(runtimeBalancer.failures()).isEmpty();
			assertThat(load.succeeded()).isGreaterThan(200);
			assertThat(accepted).hasSizeGreaterThan(20);
		}
		Set<String> pending = ConcurrentHashMap.newKeySet();
		pending.addAll(accepted);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			for (String location : List.copyOf(pending)) {
				HttpResponse<String> response = get(gatewayBalancer.uri().resolve(location), token);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				JsonNode invocation = json.readTree(response.body());
				assertThat(invocation.path("status").asString()).as(location)
					.isIn("queued", "running", "retrying", "succeeded");
				if ("succeeded".equals(invocation.path("status").asString())) {
					assertThat(invocation.path("result").path("greeting").asString()).isEqualTo("Hi Alice");
					pending.remove(location);
				}
			}
			assertThat(pending).isEmpty();
		});
	}

	/**
	 * Stops one instance of a kind with SIGTERM while a request is in flight on it,
	 * checks that it left the balancer's rotation before it stopped accepting connections
	 * and exited in time, starts it again, and waits until both instances have served
	 * requests before and after.
	 */
	private static void restartUnderLoad(ServiceProcess[] kind, int index, IntFunction<ServiceProcess> factory,
			ReadinessBalancer.Instance[] instances, int port) throws Exception {
		awaitServedByEach(instances, served(instances));
		ReadinessBalancer.Instance instance = instances[index];
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(1)).until(() -> instance.inFlight() > 0);
		long sigterm = System.nanoTime();
		CompletableFuture<Process> exit = kind[index].terminate();

		await().atMost(GRACE).pollInterval(Duration.ofMillis(10)).until(() -> refusesConnections(port));
		long stoppedAccepting = System.nanoTime();
		ReadinessBalancer.Probe down = instance.firstNotReadyAfter(sigterm);
		assertThat(down).as("readiness of %s went down before it stopped accepting connections", instance).isNotNull();
		assertThat(down.status()).as("readiness of %s while draining", instance).isEqualTo(503);
		assertThat(down.nanos()).isLessThan(stoppedAccepting);
		Long leftRotation = instance.leftRotationAfter(sigterm);
		assertThat(leftRotation).as("%s left the rotation before it stopped accepting connections", instance)
			.isNotNull()
			.isLessThan(stoppedAccepting);

		Process exited = exit.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(Duration.ofNanos(System.nanoTime() - sigterm)).isLessThan(GRACE);
		// 143 (128 + SIGTERM) is how the JVM reports an exit on SIGTERM.
		assertThat(exited.exitValue()).as("exit code of %s", instance).isIn(0, 143);

		services.remove(kind[index]);
		kind[index] = factory.apply(index);
		services.add(kind[index].start());
		kind[index].awaitReady(STARTUP);
		awaitServedByEach(instances, served(instances));
	}

	private static long[] served(ReadinessBalancer.Instance[] instances) {
		long[] served = new long[instances.length];
		for (int i = 0; i < instances.length; i++) {
			served[i] = instances[i].served();
		}
		return served;
	}

	private static void awaitServedByEach(ReadinessBalancer.Instance[] instances, long[] since) {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			for (int i = 0; i < instances.length; i++) {
				assertThat(instances[i].served() - since[i]).as("requests served by %s", instances[i])
					.isGreaterThanOrEqualTo(SERVED_EACH_SIDE);
			}
		});
	}

	private static boolean refusesConnections(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	private static void createRoute(String route) throws Exception {
		String credentials = Base64.getEncoder().encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> created = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/api/v1/routes"))
				.header("Authorization", "Basic " + credentials)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(route))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
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

	private static HttpResponse<String> get(URI uri) throws Exception {
		return get(uri, token);
	}

	private static HttpResponse<String> get(URI uri, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).GET();
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Clients that each send one request after another until stopped, and note every
	 * answer other than the expected status and every request that got none.
	 */
	private static final class Load implements AutoCloseable {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicLong succeeded = new AtomicLong();

		private final Queue<String> failures = new ConcurrentLinkedQueue<>();

		private final List<Thread> clients = new ArrayList<>();

		static Load start(int clients, Call call, int expectedStatus) {
			Load load = new Load();
			for (int i = 0; i < clients; i++) {
				Thread client = new Thread(() -> load.run(call, expectedStatus), "e2e-client-" + i);
				load.clients.add(client);
				client.start();
			}
			return load;
		}

		private void run(Call call, int expectedStatus) {
			while (this.running.get()) {
				try {
					HttpResponse<String> response = call.send();
					if (response.statusCode() == expectedStatus) {
						this.succeeded.incrementAndGet();
					}
					else {
						this.failures.add(response.statusCode() + " " + response.body());
					}
				}
				catch (Exception ex) {
					this.failures.add(ex.toString());
				}
			}
		}

		long succeeded() {
			return this.succeeded.get();
		}

		List<String> failures() {
			return List.copyOf(this.failures);
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			for (Thread client : this.clients) {
				client.join(20_000);
			}
		}

		@Override
		public void close() throws InterruptedException {
			stop();
		}

		@FunctionalInterface
		interface Call {

			HttpResponse<String> send() throws Exception;

		}

	}

	/**
	 * Async invocations submitted through the gateways ten times a second until stopped;
	 * each must be accepted (202), and its status resource is kept.
	 */
	private static final class AsyncSubmissions implements AutoCloseable {

		private final ScheduledExecutorService submitter = Executors.newSingleThreadScheduledExecutor();

		private final Queue<String> failures = new ConcurrentLinkedQueue<>();

		static AsyncSubmissions start(Set<String> accepted) {
			AsyncSubmissions submissions = new AsyncSubmissions();
			submissions.submitter.scheduleAtFixedRate(() -> submissions.submit(accepted), 0, 100,
					TimeUnit.MILLISECONDS);
			return submissions;
		}

		private void submit(Set<String> accepted) {
			try {
				HttpResponse<String> response = get(gatewayBalancer.uri().resolve("/api/shutdown/async"), token);
				if (response.statusCode() == 202 && response.headers().firstValue("Location").isPresent()) {
					accepted.add(response.headers().firstValue("Location").get());
				}
				else {
					this.failures.add(response.statusCode() + " " + response.body());
				}
			}
			catch (Exception ex) {
				this.failures.add(ex.toString());
			}
		}

		List<String> failures() {
			return List.copyOf(this.failures);
		}

		void stop() throws InterruptedException {
			this.submitter.shutdown();
			this.submitter.awaitTermination(20, TimeUnit.SECONDS);
		}

		@Override
		public void close() throws InterruptedException {
			stop();
		}

	}

}
