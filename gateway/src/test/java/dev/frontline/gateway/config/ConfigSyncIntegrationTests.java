package dev.frontline.gateway.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.gateway.GatewayApplication;
import dev.frontline.gateway.testing.ControlPlaneStub;
import dev.frontline.gateway.testing.FunctionRuntimeStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gateways on ports, in sync with a stub control plane that can go away and come back,
 * and publish snapshots the gateway cannot apply. Their logs go to the console, where the
 * tests read them.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigSyncIntegrationTests {

	/**
	 * How long a condition may take to hold: three times {@link #ANSWER}, so that a
	 * request left without an answer on a reused connection (seen now and then on the
	 * management port of a loaded machine) is given up on and asked again on a new one.
	 */
	private static final Duration SOON = Duration.ofSeconds(15);

	/** How long a single request may wait for its answer. */
	private static final Duration ANSWER = Duration.ofSeconds(5);

	private static final JsonMapper json = JsonMapper.builder().build();

	@AutoClose
	private static final FunctionRuntimeStub runtime = FunctionRuntimeStub.start("runtime");

	@TempDir
	Path dataDir;

	private final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

	private ControlPlaneStub controlPlane;

	@AfterEach
	void stopEverything() {
		this.gateways.forEach(ConfigurableApplicationContext::close);
		if (this.controlPlane != null) {
			this.controlPlane.close();
		}
	}

	@Test
	void appliesTheCurrentSnapshotAtOnceAndEachNewOneAsItIsPublished() {
		this.controlPlane = ControlPlaneStub.start();
		this.controlPlane.publish(snapshot(1, "/api/one"));
		Gateway gateway = startGateway();
		await().atMost(SOON).untilAsserted(() -> gateway.client.get().uri("/api/one").exchange().expectStatus().isOk());
		assertThat(this.controlPlane.watches()).first().isEqualTo("since=0 Bearer test-token");

		this.controlPlane.publish(snapshot(2, "/api/two"));
		await().atMost(SOON).untilAsserted(() -> gateway.client.get().uri("/api/two").exchange().expectStatus().isOk());
		gateway.client.get().uri("/api/one").exchange().expectStatus().isNotFound();
	}

	@Test
	void reportsTheAppliedVersionAndTheLastErrorInItsHeartbeat() {
		this.controlPlane = ControlPlaneStub.start();
		ConfigSnapshot first = snapshot(1, "/api/one");
		this.controlPlane.publish(first);
		Instant beforeStart = Instant.now();
		Gateway gateway = startGateway();
		await().atMost(SOON).untilAsserted(() -> {
			JsonNode status = lastStatus();
			assertThat(status.path("appliedVersion").asLong()).isEqualTo(1);
			assertThat(status.path("appliedHash").asString()).isEqualTo(first.hash());
			assertThat(status.path("error").isNull()).isTrue();
			assertThat(status.path("controlPlaneConnected").asBoolean()).isTrue();
			assertThat(Instant.parse(status.path("startedAt").asString())).isAfter(beforeStart.minusSeconds(1));
		});

		ConfigSnapshot second = snapshot(2, "/api/two");
		this.controlPlane
			.publish(new ConfigSnapshot(2, second.createdAt(), second.createdBy(), "sha256:tampered", second.routes()));
		await().atMost(SOON).untilAsserted(() -> {
			JsonNode status = lastStatus();
			assertThat(status.path("appliedVersion").asLong()).isEqualTo(1);
			assertThat(status.path("error").asString()).contains("snapshot 2").contains("hash");
		});
		gateway.client.get().uri("/api/one").exchange().expectStatus().isOk();
		gateway.client.get().uri("/api/two").exchange().expectStatus().isNotFound();
	}

	@Test
	void keepsServingWhileTheControlPlaneIsDownReportsItAndCatchesUpWhenItReturns() {
		this.controlPlane = ControlPlaneStub.start();
		this.controlPlane.publish(snapshot(1, "/api/one"));
		Gateway gateway = startGateway();
		await().atMost(SOON).untilAsserted(() -> gateway.client.get().uri("/api/one").exchange().expectStatus().isOk());

		this.controlPlane.stop();
		await().atMost(SOON).untilAsserted(() -> {
			assertThat(scrape(gateway)).contains("\nfrontline_gateway_control_plane_connected 0.0\n");
			expectReady(gateway, 1, "disconnected");
		});
		for (int i = 0; i < 5; i++) {
			gateway.client.get().uri("/api/one").exchange().expectStatus().isOk();
		}

		this.controlPlane.publish(snapshot(2, "/api/two"));
		this.controlPlane.restart();
		await().atMost(SOON).untilAsserted(() -> gateway.client.get().uri("/api/two").exchange().expectStatus().isOk());
		gateway.client.get().uri("/api/one").exchange().expectStatus().isNotFound();
		assertThat(this.controlPlane.watches()).last().asString().startsWith("since=1 ");
		await().atMost(SOON).untilAsserted(() -> {
			assertThat(scrape(gateway)).contains("\nfrontline_gateway_control_plane_connected 1.0\n");
			expectReady(gateway, 2, "connected");
			JsonNode status = lastStatus();
			assertThat(status.path("appliedVersion").asLong()).isEqualTo(2);
			assertThat(status.path("controlPlaneConnected").asBoolean()).isTrue();
		});
	}

	@Test
	void savesTheLastGoodSnapshotAndServesItAfterARestartWhileTheControlPlaneIsDown() throws Exception {
		this.controlPlane = ControlPlaneStub.start();
		ConfigSnapshot snapshot = snapshot(1, "/api/one");
		this.controlPlane.publish(snapshot);
		Gateway first = startGateway();
		Path saved = this.dataDir.resolve("gateway/sync-test/last-good-snapshot.json");
		await().atMost(SOON).until(() -> Files.isRegularFile(saved));
		assertThat(ConfigJson.readSnapshot(Files.readString(saved))).isEqualTo(snapshot);

		first.context.close();
		this.controlPlane.stop();
		Gateway restarted = startGateway();
		expectReady(restarted, 1, "disconnected");
		restarted.client.get().uri("/api/one").exchange().expectStatus().isOk();

		// Published while the restarted gateway could not hear of it.
		this.controlPlane.publish(snapshot(2, "/api/two"));
		this.controlPlane.restart();
		await().atMost(SOON)
			.untilAsserted(() -> restarted.client.get().uri("/api/two").exchange().expectStatus().isOk());
		assertThat(this.controlPlane.watches()).last().asString().startsWith("since=1 ");
	}

	@Test
	void rejectsSnapshotsItCannotApplyKeepsServingTheLastGoodOneAndReportsEach(CapturedOutput output) {
		this.controlPlane = ControlPlaneStub.start();
		ConfigSnapshot good = snapshot(3, "/api/three");
		this.controlPlane.publish(good);
		Gateway gateway = startGateway();
		await().atMost(SOON)
			.untilAsserted(() -> gateway.client.get().uri("/api/three").exchange().expectStatus().isOk());

		this.controlPlane.publish(4, "{\"version\": 4, \"routes\": [");
		expectRejected(gateway, "unreadable", "unreadable snapshot");

		// One good rule beside one the gateway refuses: the snapshot applies whole or not
		// at all.
		this.controlPlane.publish(ConfigSnapshot.of(4, Instant.now(), "test",
				List.of(rule("route-4a", "/api/four"), rule("route-4b", "api/no-leading-slash"))));
		expectRejected(gateway, "invalid", "snapshot 4 is invalid: routes[1].match.path");
		gateway.client.get().uri("/api/four").exchange().expectStatus().isNotFound();

		this.controlPlane.publish(snapshot(2, "/api/two"));
		expectRejected(gateway, "out_of_order", "snapshot 2 is older than the version held (3, " + good.hash() + ")");
		gateway.client.get().uri("/api/two").exchange().expectStatus().isNotFound();

		gateway.client.get().uri("/api/three").exchange().expectStatus().isOk();
		assertThat(scrape(gateway)).contains("\nfrontline_gateway_config_version 3.0\n");
		assertThat(output).contains("Rejected a config snapshot, keeping version 3: unreadable snapshot")
			.contains("Rejected a config snapshot, keeping version 3: snapshot 4 is invalid")
			.contains("Rejected a config snapshot, keeping version 3: snapshot 2 is older");

		this.controlPlane.publish(snapshot(5, "/api/five"));
		await().atMost(SOON).untilAsserted(() -> {
			gateway.client.get().uri("/api/five").exchange().expectStatus().isOk();
			assertThat(lastStatus().path("appliedVersion").asLong()).isEqualTo(5);
			assertThat(lastStatus().path("error").isNull()).isTrue();
		});
	}

	/**
	 * Waits until the gateway reports the rejection of the last snapshot published, in
	 * its heartbeat, its health and its metrics (one rejection for the reason), and
	 * checks that it holds version 3 still.
	 */
	private void expectRejected(Gateway gateway, String reason, String error) {
		await().atMost(SOON).untilAsserted(() -> {
			JsonNode status = lastStatus();
			assertThat(status.path("error").asString()).startsWith(error);
			assertThat(status.path("appliedVersion").asLong()).isEqualTo(3);
			assertThat(scrape(gateway))
				.contains("\nfrontline_gateway_config_rejections_total{reason=\"" + reason + "\"} 1.0\n");
			JsonNode snapshot = readiness(gateway).path("components").path("snapshot");
			assertThat(snapshot.path("status").asString()).isEqualTo("UP");
			assertThat(snapshot.path("details").path("lastError").asString()).startsWith(error);
		});
	}

	/**
	 * Checks that the gateway is ready with the given version, and connected to the
	 * control plane or not.
	 */
	private static void expectReady(Gateway gateway, long version, String controlPlane) {
		JsonNode readiness = readiness(gateway);
		assertThat(readiness.path("status").asString()).isEqualTo("UP");
		JsonNode details = readiness.path("components").path("snapshot").path("details");
		assertThat(details.path("version").asLong()).isEqualTo(version);
		assertThat(details.path("controlPlane").asString()).isEqualTo(controlPlane);
	}

	private static JsonNode readiness(Gateway gateway) {
		return json.readTree(gateway.management.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	@Test
	void isNotReadyUntilItHoldsASnapshot() {
		this.controlPlane = ControlPlaneStub.notStarted();
		Gateway gateway = startGateway();
		gateway.management.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DOWN");
		gateway.management.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");

		this.controlPlane.publish(snapshot(1, "/api/one"));
		this.controlPlane.restart();
		await().atMost(SOON)
			.untilAsserted(() -> gateway.management.get()
				.uri("/actuator/health/readiness")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP"));
	}

	@Test
	void publishesTheAppliedVersionAndTheControlPlaneConnectionAsGauges() {
		this.controlPlane = ControlPlaneStub.start();
		this.controlPlane.publish(snapshot(1, "/api/one"));
		Gateway gateway = startGateway();
		await().atMost(SOON)
			.untilAsserted(() -> assertThat(scrape(gateway)).contains("# TYPE frontline_gateway_config_version gauge\n")
				.contains("\nfrontline_gateway_config_version 1.0\n")
				.contains("# TYPE frontline_gateway_control_plane_connected gauge\n")
				.contains("\nfrontline_gateway_control_plane_connected 1.0\n"));

		this.controlPlane.publish(snapshot(2, "/api/two"));
		await().atMost(SOON)
			.untilAsserted(() -> assertThat(scrape(gateway)).contains("\nfrontline_gateway_config_version 2.0\n"));

		this.controlPlane.stop();
		await().atMost(SOON)
			.untilAsserted(
					() -> assertThat(scrape(gateway)).contains("\nfrontline_gateway_control_plane_connected 0.0\n")
						.contains("\nfrontline_gateway_config_version 2.0\n"));
	}

	private static String scrape(Gateway gateway) {
		return gateway.management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private JsonNode lastStatus() {
		String report = this.controlPlane.lastStatusReport();
		assertThat(report).isNotNull();
		return json.readTree(report);
	}

	private Gateway startGateway() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class).run(
				"--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off",
				"--frontline.data-dir=" + this.dataDir, "--frontline.gateway.id=sync-test",
				"--frontline.gateway.control-plane.uri=" + this.controlPlane.uri(),
				"--frontline.control-plane.token=test-token", "--frontline.gateway.heartbeat-interval=200ms",
				"--frontline.gateway.watch.min-backoff=50ms", "--frontline.gateway.watch.max-backoff=300ms",
				"--frontline.gateway.watch.idle-timeout=2s");
		this.gateways.add(context);
		return new Gateway(context, client(context, "local.server.port"), client(context, "local.management.port"));
	}

	private static WebTestClient client(ConfigurableApplicationContext context, String portProperty) {
		String port = context.getEnvironment().getRequiredProperty(portProperty);
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(ANSWER).build();
	}

	private static ConfigSnapshot snapshot(long version, String path) {
		return ConfigSnapshot.of(version, Instant.now(), "test", List.of(rule("route-" + version, path)));
	}

	private static RouteRule rule(String id, String path) {
		return new RouteRule(id, null, RouteMatch.of(path, "GET"), 0, AuthPolicy.publicAccess(), null, null, null,
				Target.of(runtime.uri(), "product"), null);
	}

	private record Gateway(ConfigurableApplicationContext context, WebTestClient client, WebTestClient management) {

	}

}
