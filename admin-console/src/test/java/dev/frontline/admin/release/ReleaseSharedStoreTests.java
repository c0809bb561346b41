package dev.frontline.admin.release;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.frontline.admin.AdminConsoleApplication;
import dev.frontline.admin.fleet.RouteStatsReports;
import dev.frontline.admin.security.Author;
import dev.frontline.contract.LatencyHistogram;
import dev.frontline.contract.RouteStats;
import dev.frontline.contract.Target;
import dev.frontline.contract.Variant;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two consoles on one store, as two instances behind a load balancer would run: each
 * release is evaluated once per interval, whichever instance gets there first.
 */
class ReleaseSharedStoreTests {

	private static final String ROUTE = "product";

	@Test
	void evaluatesEachReleaseOncePerIntervalAcrossInstances() {
		String store = store();
		try (ConfigurableApplicationContext first = start(store, "50ms");
				ConfigurableApplicationContext second = start(store, "50ms")) {
			long id = first.getBean(ReleaseTransitions.class).start(request(), new Author("tester")).release().id();
			Releases releases = second.getBean(Releases.class);
			RouteStatsReports reports = second.getBean(RouteStatsReports.class);
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
				reports.add("gw-shared", Instant.now(), List.of(healthy(Variant.CANARY), healthy(Variant.STABLE)));
				return releases.find(id).orElseThrow().state() == ReleaseState.PROMOTED;
			});
			List<Evaluation> evaluations = new ArrayList<>(first.getBean(ReleaseEvaluations.class).latest(id, 100));
			Collections.reverse(evaluations);
			assertThat(evaluations).filteredOn((evaluation) -> evaluation.verdict() == Evaluation.Verdict.PASS)
				.extracting(Evaluation::weight)
				.containsExactly(10, 50, 100);
			for (int i = 1; i < evaluations.size(); i++) {
				assertThat(Duration.between(evaluations.get(i - 1).at(), evaluations.get(i).at()))
					.as("time between evaluations %d and %d", i - 1, i)
					.isGreaterThanOrEqualTo(Duration.ofSeconds(1));
			}
			assertThat(verdicts(first) + verdicts(second)).as("evaluations the two instances made")
				.isEqualTo(evaluations.size());
		}
	}

	@Test
	void makesOneEvaluationWhenEvaluatorsRaceForADueRelease() throws Exception {
		// The schedulers wait a minute between ticks, so only the racers below evaluate.
		try (ConfigurableApplicationContext console = start(store(), "1m")) {
			long id = console.getBean(ReleaseTransitions.class).start(request(), new Author("tester")).release().id();
			Releases releases = console.getBean(Releases.class);
			await().atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> releases.find(id).orElseThrow().dueAt(Instant.now()));
			ReleaseEvaluator evaluator = console.getBean(ReleaseEvaluator.class);
			List<Evaluation> made = race(8, () -> evaluator.evaluate(id));
			assertThat(made).filteredOn(Objects::nonNull).hasSize(1);
			assertThat(console.getBean(ReleaseEvaluations.class).latest(id, 10)).hasSize(1);
		}
	}

	private static <T> List<T> race(int threads, Callable<T> task) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		CountDownLatch ready = new CountDownLatch(threads);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(executor.submit(() -> {
					ready.countDown();
					ready.await();
					return task.call();
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(30, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static NewRelease request() {
		return new NewRelease(ROUTE, Target.of("http://127.0.0.1:1", "product"), null, null, null, List.of(10, 50, 100),
				Duration.ofSeconds(1), null, new NewRelease.Thresholds(null, null, null, null, 20L, null));
	}

	private static double verdicts(ConfigurableApplicationContext context) {
		return context.getBean(MeterRegistry.class)
			.find("frontline.release.verdicts")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private static RouteStats healthy(Variant variant) {
		LatencyHistogram latency = LatencyHistogram.empty();
		for (int i = 0; i < 10; i++) {
			latency = latency.plus(15);
		}
		return new RouteStats(ROUTE, variant, 10, 0, 0, latency);
	}

	private static String store() {
		return "jdbc:h2:mem:shared-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
	}

	private static ConfigurableApplicationContext start(String store, String checkInterval) {
		return new SpringApplicationBuilder(AdminConsoleApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + store, "--frontline.admin.release.check-interval=" + checkInterval,
					"--frontline.admin.seed.functions-uri=http://127.0.0.1:1");
	}

}
