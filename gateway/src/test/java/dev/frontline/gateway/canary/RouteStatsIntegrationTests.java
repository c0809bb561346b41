package dev.frontline.gateway.canary;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.CanaryTarget;
import dev.frontline.contract.CanaryTarget.StickyKey;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.LatencyHistogram;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.gateway.GatewayApplication;
import dev.frontline.gateway.testing.ClosedPort;
import dev.frontline.gateway.testing.ControlPlaneStub;
import dev.frontline.gateway.testing.FunctionRuntimeStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
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
 * A gateway on a port that reports to a stub control plane, with a route whose canary
 * target is down, so that the stats in its heartbeats can be checked against the requests
 * sent.
 */
class RouteStatsIntegrationTests {

	private static final Duration SOON = Duration.ofSeconds(10);

	private static final JsonMapper json = JsonMapper.builder().build();

	@AutoClose
	private static final FunctionRuntimeStub runtime = FunctionRuntimeStub.start("runtime");

	@TempDir
	Path dataDir;

	private ControlPlaneStub controlPlane;

	private ConfigurableApplicationContext gateway;

	private WebTestClient client;

	@BeforeEach
	void startGateway() {
		this.controlPlane = ControlPlaneStub.start();
		this.controlPlane.publish(ConfigSnapshot.of(1, Instant.now(), "test", List.of(
				RouteRule.of("ready", RouteMatch.of("/api/ready", "GET"), Target.of(runtime.uri(), "product")),
				new RouteRule("shop", null, RouteMatch.of("/api/shop", "GET"), 0, AuthPolicy.publicAccess(), null, null,
						null, Target.of(runtime.uri(), "product"),
						new CanaryTarget(Target.of(ClosedPort.uri(), "product"), 0, StickyKey.USER, true, true)),
				new RouteRule("account", null, RouteMatch.of("/api/account", "GET"), 0, AuthPolicy.authenticated(),
						null, null, null, Target.of(runtime.uri(), "product"),
						CanaryTarget.of(Target.of(runtime.uri(), "product"), 100)),
				RouteRule.of("plain", RouteMatch.of("/api/plain", "GET"), Target.of(runtime.uri(), "product")))));
		this.gateway = new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
				"--management.server.port=0", "--spring.main.banner-mode=off", "--frontline.data-dir=" + this.dataDir,
				"--frontline.gateway.id=stats-test", "--frontline.gateway.control-plane.uri=" + this.controlPlane.uri(),
				"--frontline.control-plane.token=test-token", "--frontline.gateway.heartbeat-interval=200ms");
		String port = this.gateway.getEnvironment().getRequiredProperty("local.server.port");
		this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(SOON).build();
		await().atMost(SOON).untilAsserted(() -> this.client.get().uri("/api/ready").exchange().expectStatus().isOk());
	}

	@AfterEach
	void stopGateway() {
		this.gateway.close();
		this.controlPlane.close();
	}

	@Test
	void reportsTheAnswersOfEachRouteAndVariantInTheHeartbeat() {
		sendTraffic();
		await().atMost(SOON).untilAsserted(() -> assertThat(reported()).containsAllEntriesOf(expectedCounts()));
		JsonNode first = json.readTree(this.controlPlane.statusReports().get(0));
		assertThat(first.path("stats").isArray()).isTrue();
		JsonNode entry = allEntries().stream()
			.filter((stats) -> stats.path("route").asString().equals("shop"))
			.filter((stats) -> stats.path("variant").asString().equals("canary"))
			.findFirst()
			.orElseThrow();
		assertThat(entry.propertyNames()).containsExactlyInAnyOrder("route", "variant", "status2xx", "status4xx",
				"status5xx", "latency");
		assertThat(entry.path("latency").size()).isEqualTo(LatencyHistogram.bucketCount());
	}

	@Test
	void reportsTheAnswersOfRefusedHeartbeatsWithTheNextOneThatGetsThrough() {
		this.controlPlane.refuseStatusReports(true);
		sendTraffic();
		int refusedBefore = this.controlPlane.refusedStatusReports();
		await().atMost(SOON).until(() -> this.controlPlane.refusedStatusReports() >= refusedBefore + 2);
		assertThat(reported()).doesNotContainKeys("shop/stable", "shop/canary", "account/canary", "plain/stable");
		this.controlPlane.refuseStatusReports(false);
		await().atMost(SOON).untilAsserted(() -> assertThat(reported()).containsAllEntriesOf(expectedCounts()));
	}

	/**
	 * Three answers from the stable target, two 502s from the canary that is down, a 401
	 * on a route with a canary that takes every caller, one answer on a route without a
	 * canary, and a request that matches no route.
	 */
	private void sendTraffic() {
		for (int i = 0; i < 3; i++) {
			this.client.get()
				.uri("/api/shop")
				.header("X-Frontline-Canary", "never")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("X-Frontline-Variant", "stable");
		}
		for (int i = 0; i < 2; i++) {
			this.client.get()
				.uri("/api/shop")
				.header("X-Frontline-Canary", "always")
				.exchange()
				.expectStatus()
				.isEqualTo(502)
				.expectHeader()
				.valueEquals("X-Frontline-Variant", "canary");
		}
		this.client.get().uri("/api/account").exchange().expectStatus().isUnauthorized();
		this.client.get().uri("/api/plain").exchange().expectStatus().isOk();
		this.client.get().uri("/api/nowhere").exchange().expectStatus().isNotFound();
	}

	private static Map<String, Counts> expectedCounts() {
		return Map.of("shop/stable", new Counts(3, 0, 0, 3), "shop/canary", new Counts(0, 0, 2, 2), "account/canary",
				new Counts(0, 1, 0, 1), "plain/stable", new Counts(1, 0, 0, 1));
	}

	/**
	 * The sums of the stats in every heartbeat received, by {@code route/variant}.
	 */
	private Map<String, Counts> reported() {
		Map<String, Counts> sums = new HashMap<>();
		for (JsonNode stats : allEntries()) {
			long latencies = 0;
			for (JsonNode count : stats.path("latency")) {
				latencies += count.asLong();
			}
			Counts counts = new Counts(stats.path("status2xx").asLong(), stats.path("status4xx").asLong(),
					stats.path("status5xx").asLong(), latencies);
			sums.merge(stats.path("route").asString() + "/" + stats.path("variant").asString(), counts, Counts::plus);
		}
		// The requests that waited for the gateway to be ready.
		sums.remove("ready/stable");
		return sums;
	}

	private List<JsonNode> allEntries() {
		return this.controlPlane.statusReports()
			.stream()
			.map(json::readTree)
			.flatMap((report) -> report.path("stats").valueStream())
			.toList();
	}

	private record Counts(long status2xx, long status4xx, long status5xx, long latencies) {

		Counts plus(Counts other) {
			return new Counts(this.status2xx + other.status2xx, this.status4xx + other.status4xx,
					this.status5xx + other.status5xx, this.latencies + other.latencies);
		}

	}

}
