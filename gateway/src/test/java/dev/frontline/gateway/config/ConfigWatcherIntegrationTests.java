package dev.frontline.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.gateway.canary.CanaryProperties;
import dev.frontline.gateway.canary.CanarySplitter;
import dev.frontline.gateway.routing.SnapshotRouteLocator;
import dev.frontline.gateway.testing.ControlPlaneStub;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watch against a stub control plane, without the rest of the gateway.
 */
class ConfigWatcherIntegrationTests {

	private static final Duration IDLE_TIMEOUT = Duration.ofMillis(400);

	@TempDir
	Path directory;

	private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	private ControlPlaneStub controlPlane;

	private ConfigWatcher watcher;

	@AfterEach
	void stop() {
		if (this.watcher != null) {
			this.watcher.stop();
		}
		if (this.controlPlane != null) {
			this.controlPlane.close();
		}
		this.validation.close();
	}

	@Test
	void keepsOneWatchOpenWhileKeepAlivesArrive() throws InterruptedException {
		this.controlPlane = ControlPlaneStub.start(IDLE_TIMEOUT.dividedBy(4));
		SnapshotApplier applier = startWatcher();
		await().atMost(Duration.ofSeconds(3)).until(this.watcher::connected);
		this.controlPlane.publish(snapshot(1));
		await().atMost(Duration.ofSeconds(3)).until(() -> applier.applied().version() == 1);
		int watches = this.controlPlane.watches().size();
		Thread.sleep(IDLE_TIMEOUT.multipliedBy(3).toMillis());
		assertThat(this.controlPlane.watches()).hasSize(watches);
		assertThat(this.watcher.connected()).isTrue();
	}

	@Test
	void reopensASilentWatchFromTheVersionItHolds() {
		this.controlPlane = ControlPlaneStub.start(Duration.ofHours(1));
		this.controlPlane.publish(snapshot(3));
		SnapshotApplier applier = startWatcher();
		await().atMost(Duration.ofSeconds(3)).until(() -> applier.applied().version() == 3);
		await().atMost(Duration.ofSeconds(3))
			.until(() -> this.controlPlane.watches().stream().anyMatch((watch) -> watch.startsWith("since=3 ")));
		assertThat(this.controlPlane.watches()).first().asString().startsWith("since=0 ");
	}

	@Test
	void retriesAControlPlaneThatIsDownUntilItAnswers() {
		this.controlPlane = ControlPlaneStub.notStarted();
		this.controlPlane.publish(snapshot(1));
		SnapshotApplier applier = startWatcher();
		await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> !this.watcher.connected());
		this.controlPlane.restart();
		await().atMost(Duration.ofSeconds(3)).until(() -> applier.applied().version() == 1);
		assertThat(this.watcher.connected()).isTrue();
	}

	private SnapshotApplier startWatcher() {
		SnapshotRouteLocator routes = new SnapshotRouteLocator(this.validation.getValidator(),
				new RetryGatewayFilterFactory(), new CanarySplitter(CanaryProperties.defaults(), List.of()),
				JsonMapper.builder().build(), (event) -> {
				});
		SnapshotApplier applier = new SnapshotApplier(routes,
				new SnapshotFile(this.directory.resolve("last-good-snapshot.json")));
		ControlPlaneClient client = new ControlPlaneClient(WebClient.builder(), URI.create(this.controlPlane.uri()),
				"token");
		this.watcher = new ConfigWatcher(client, applier,
				new ConfigSyncProperties.Watch(Duration.ofMillis(50), Duration.ofMillis(200), IDLE_TIMEOUT));
		this.watcher.start();
		return applier;
	}

	private static ConfigSnapshot snapshot(long version) {
		return ConfigSnapshot.of(version, Instant.now(), "test", List.of(RouteRule.of("product",
				RouteMatch.of("/api/products/{id}", "GET"), Target.of("http://127.0.0.1:8090", "product"))));
	}

}
