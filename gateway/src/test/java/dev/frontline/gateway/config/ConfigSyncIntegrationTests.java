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
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gateways on ports, in sync with a stub control plane that can go away and come back.
 */
class ConfigSyncIntegrationTests {

	private static final Duration SOON = Duration.ofSeconds(5);

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
	void keepsServingWhileTheControlPlaneIsDownAndCatchesUpWhenItReturns() {
		this.controlPlane = ControlPlaneStub.start();
		this.controlPlane.publish(snapshot(1, "/api/one"));
		Gateway gateway = startGateway();
		await().atMost(SOON).untilAsserted(() -> gateway.client.get().uri("/api/one").exchange().expectStatus().isOk());

		this.controlPlane.stop();
		for (int i = 0; i < 5; i++) {
			gateway.client.get().uri("/api/one").exchange().expectStatus().isOk();
		}

		this.controlPlane.publish(snapshot(2, "/api/two"));
		this.controlPlane.restart();
		await().atMost(SOON).untilAsserted(() -> gateway.client.get().uri("/api/two").exchange().expectStatus().isOk());
		assertThat(this.controlPlane.watches()).last().asString().startsWith("since=1 ");
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
		restarted.management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		restarted.client.get().uri("/api/one").exchange().expectStatus().isOk();
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
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(SOON).build();
	}

	private static ConfigSnapshot snapshot(long version, String path) {
		RouteRule rule = new RouteRule("route-" + version, null, RouteMatch.of(path, "GET"), 0,
				AuthPolicy.publicAccess(), null, null, null, Target.of(runtime.uri(), "product"), null);
		return ConfigSnapshot.of(version, Instant.now(), "test", List.of(rule));
	}

	private record Gateway(ConfigurableApplicationContext context, WebTestClient client, WebTestClient management) {

	}

}
