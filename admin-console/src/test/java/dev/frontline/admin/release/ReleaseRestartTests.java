package dev.frontline.admin.release;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.frontline.admin.AdminConsoleApplication;
import dev.frontline.admin.fleet.RouteStatsReports;
import dev.frontline.admin.security.Author;
import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.contract.LatencyHistogram;
import dev.frontline.contract.RouteStats;
import dev.frontline.contract.Target;
import dev.frontline.contract.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A release in progress survives a restart of the console: the next console on the same
 * store picks it up from the store and goes on evaluating it.
 */
class ReleaseRestartTests {

	private static final String ROUTE = "web-home";

	@TempDir
	Path dataDir;

	@Test
	void resumesAReleaseStartedBeforeARestart() {
		long id;
		try (ConfigurableApplicationContext first = start()) {
			NewRelease request = new NewRelease(ROUTE, Target.of("http://127.0.0.1:1", "homePage|mobileView"), null,
					null, null, List.of(10, 60, 100), Duration.ofSeconds(1), null,
					new NewRelease.Thresholds(null, null, null, null, 20L, null));
			Release started = first.getBean(ReleaseTransitions.class).start(request, new Author("tester")).release();
			id = started.id();
			assertThat(started.state()).isEqualTo(ReleaseState.RUNNING);
			assertThat(canaryWeight(first)).isEqualTo(10);
		}
		try (ConfigurableApplicationContext second = start()) {
			Releases releases = second.getBean(Releases.class);
			Release resumed = releases.find(id).orElseThrow();
			assertThat(resumed.state()).isEqualTo(ReleaseState.RUNNING);
			assertThat(resumed.stepIndex()).as("no traffic was reported before the restart").isZero();
			RouteStatsReports reports = second.getBean(RouteStatsReports.class);
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
				reports.add("gw-restart", Instant.now(),
						List.of(healthy(Variant.CANARY, 10), healthy(Variant.STABLE, 90)));
				return releases.find(id).orElseThrow().stepIndex() > 0;
			});
			assertThat(releases.find(id).orElseThrow().weight()).isEqualTo(60);
			assertThat(canaryWeight(second)).isEqualTo(60);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(AdminConsoleApplication.class).web(WebApplicationType.NONE)
			.run("--frontline.data-dir=" + this.dataDir, "--frontline.admin.release.check-interval=100ms");
	}

	private static int canaryWeight(ConfigurableApplicationContext context) {
		return context.getBean(ConfigVersions.class).current().route(ROUTE).orElseThrow().canary().weight();
	}

	private static RouteStats healthy(Variant variant, int requests) {
		LatencyHistogram latency = LatencyHistogram.empty();
		for (int i = 0; i < requests; i++) {
			latency = latency.plus(15);
		}
		return new RouteStats(ROUTE, variant, requests, 0, 0, latency);
	}

}
