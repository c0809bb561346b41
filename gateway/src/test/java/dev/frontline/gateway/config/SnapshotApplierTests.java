package dev.frontline.gateway.config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.gateway.canary.CanaryProperties;
import dev.frontline.gateway.canary.CanarySplitter;
import dev.frontline.gateway.config.SnapshotApplier.Outcome;
import dev.frontline.gateway.config.SnapshotApplier.Rejection;
import dev.frontline.gateway.routing.SnapshotRouteLocator;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.route.Route;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotApplierTests {

	private static ValidatorFactory validation;

	@TempDir
	Path directory;

	private SnapshotRouteLocator routes;

	private SnapshotFile file;

	private SnapshotApplier applier;

	@BeforeAll
	static void startValidation() {
		validation = Validation.buildDefaultValidatorFactory();
	}

	@AfterAll
	static void stopValidation() {
		validation.close();
	}

	@BeforeEach
	void createApplier() {
		this.routes = new SnapshotRouteLocator(validation.getValidator(), new RetryGatewayFilterFactory(),
				new CanarySplitter(CanaryProperties.defaults(), List.of()), JsonMapper.builder().build(), (event) -> {
				});
		this.file = new SnapshotFile(this.directory.resolve("last-good-snapshot.json"));
		this.applier = new SnapshotApplier(this.routes, this.file);
	}

	@Test
	void holdsNothingAtFirst() {
		assertThat(this.applier.applied().version()).isZero();
		assertThat(this.applier.applied().holdsSnapshot()).isFalse();
	}

	@Test
	void appliesANewerSnapshotAndSavesIt() {
		ConfigSnapshot snapshot = snapshot(1, "/api/products/{id}");
		assertThat(this.applier.offer(ConfigJson.write(snapshot))).isEqualTo(Outcome.APPLIED);
		assertThat(this.applier.applied()).isEqualTo(new SnapshotApplier.Applied(1, snapshot.hash(), null));
		assertThat(routeIds()).containsExactly("product");
		assertThat(this.file.load()).contains(snapshot);
	}

	@Test
	void ignoresTheSnapshotItHoldsWhenItIsOfferedAgain() {
		ConfigSnapshot held = snapshot(2, "/api/products/{id}");
		this.applier.offer(ConfigJson.write(held));
		assertThat(this.applier.offer(ConfigJson.write(held))).isEqualTo(Outcome.STALE);
		assertThat(this.applier.applied()).isEqualTo(new SnapshotApplier.Applied(2, held.hash(), null));
		assertThat(rejections()).isZero();
	}

	@Test
	void rejectsAnOlderVersionAndAnotherSnapshotUnderTheVersionHeld() {
		ConfigSnapshot held = snapshot(2, "/api/products/{id}");
		this.applier.offer(ConfigJson.write(held));
		assertThat(this.applier.offer(ConfigJson.write(snapshot(1, "/api/catalog/{id}")))).isEqualTo(Outcome.REJECTED);
		assertThat(this.applier.applied().error()).startsWith("snapshot 1 is older than the version held (2, ");
		assertThat(this.applier.offer(ConfigJson.write(snapshot(2, "/api/catalog/{id}")))).isEqualTo(Outcome.REJECTED);
		assertThat(this.applier.applied().error())
			.startsWith("snapshot 2 differs from the snapshot held under the same version (2, ");
		assertThat(this.applier.applied().version()).isEqualTo(2);
		assertThat(this.applier.applied().hash()).isEqualTo(held.hash());
		assertThat(this.routes.snapshot()).isEqualTo(held);
		assertThat(this.applier.rejections(Rejection.OUT_OF_ORDER)).isEqualTo(2);
		assertThat(rejections()).isEqualTo(2);
	}

	@Test
	void keepsTheCurrentSnapshotWhenANewOneIsInvalidAndRemembersWhy() {
		ConfigSnapshot good = snapshot(1, "/api/products/{id}");
		this.applier.offer(ConfigJson.write(good));
		ConfigSnapshot next = snapshot(2, "/api/catalog/{id}");
		ConfigSnapshot tampered = new ConfigSnapshot(2, next.createdAt(), next.createdBy(), good.hash(), next.routes());
		assertThat(this.applier.offer(ConfigJson.write(tampered))).isEqualTo(Outcome.REJECTED);
		assertThat(this.applier.applied().version()).isEqualTo(1);
		assertThat(this.applier.applied().hash()).isEqualTo(good.hash());
		assertThat(this.applier.applied().error()).contains("snapshot 2").contains("hash");
		assertThat(this.file.load()).contains(good);
		assertThat(this.applier.rejections(Rejection.INVALID)).isEqualTo(1);
		assertThat(rejections()).isEqualTo(1);
	}

	@Test
	void forgetsTheLastErrorOnceASnapshotApplies() {
		this.applier.offer(ConfigJson.write(snapshot(1, "no-slash")));
		assertThat(this.applier.applied().error()).contains("routes[0].match.path");
		this.applier.offer(ConfigJson.write(snapshot(2, "/api/products/{id}")));
		assertThat(this.applier.applied().error()).isNull();
		assertThat(this.applier.applied().version()).isEqualTo(2);
	}

	@Test
	void rejectsAnUnreadableSnapshot() {
		assertThat(this.applier.offer("{\"version\": \"twelve\"")).isEqualTo(Outcome.REJECTED);
		assertThat(this.applier.applied().error()).startsWith("unreadable snapshot");
		assertThat(this.applier.applied().holdsSnapshot()).isFalse();
		assertThat(this.applier.rejections(Rejection.UNREADABLE)).isEqualTo(1);
		assertThat(rejections()).isEqualTo(1);
	}

	@Test
	void restoresTheSavedSnapshot() throws IOException {
		ConfigSnapshot saved = snapshot(7, "/api/products/{id}");
		this.file.save(saved);
		this.applier.restoreSaved();
		assertThat(this.applier.applied().version()).isEqualTo(7);
		assertThat(routeIds()).containsExactly("product");
	}

	private long rejections() {
		return Arrays.stream(Rejection.values()).mapToLong(this.applier::rejections).sum();
	}

	/**
	 * The ids of the routes of rules, without the gateway's own.
	 */
	private List<String> routeIds() {
		return this.routes.getRoutes()
			.map(Route::getId)
			.filter((id) -> this.routes.rule(id) != null)
			.collectList()
			.block();
	}

	static ConfigSnapshot snapshot(long version, String path) {
		return ConfigSnapshot.of(version, Instant.now(), "test", List
			.of(RouteRule.of("product", RouteMatch.of(path, "GET"), Target.of("http://127.0.0.1:8090", "product"))));
	}

}
