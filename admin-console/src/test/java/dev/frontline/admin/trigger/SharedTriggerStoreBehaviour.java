package dev.frontline.admin.trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.frontline.admin.AdminConsoleApplication;
import dev.frontline.admin.AsyncRuntimeStub;
import dev.frontline.admin.security.Author;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two consoles on one store, as two instances behind a load balancer run: each scheduled
 * time of a trigger is fired once, by one of them, and none is skipped. Subclasses name
 * the store.
 */
abstract class SharedTriggerStoreBehaviour {

	private static final String TOKEN = "shared-store-token";

	private AsyncRuntimeStub runtime;

	/**
	 * The arguments that point a console at a fresh store of its own, the same for every
	 * console of one test.
	 */
	abstract List<String> store();

	@BeforeEach
	void startRuntime() {
		this.runtime = AsyncRuntimeStub.start(TOKEN);
	}

	@AfterEach
	void stopRuntime() {
		this.runtime.close();
	}

	@Test
	void firesEachScheduledTimeExactlyOnceAcrossInstances() {
		List<String> store = store();
		try (ConfigurableApplicationContext first = start(store, "100ms");
				ConfigurableApplicationContext second = start(store, "100ms")) {
			create(first, "shared-every-second");
			await().atMost(Duration.ofSeconds(30)).until(() -> this.runtime.triggerPosts().size() >= 6);
			second.getBean(Triggers.class).enable("shared-every-second", false, new Author("tester"));
			awaitNothingPending(first, "shared-every-second");
			assertFiredOnceEachWithoutGaps(first, "shared-every-second");
		}
	}

	@Test
	void claimsEachTimeOnceWhenInstancesRace() throws Exception {
		List<String> store = store();
		// The schedulers wait a minute before their first tick, so only the racers below
		// fire.
		try (ConfigurableApplicationContext first = start(store, "1m");
				ConfigurableApplicationContext second = start(store, "1m")) {
			Instant created = create(first, "shared-raced");
			await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(created.plusMillis(3200)));
			race(List.of(first.getBean(TriggerScheduler.class), second.getBean(TriggerScheduler.class)), 8);
			awaitNothingPending(first, "shared-raced");
			List<Long> seconds = assertFiredOnceEachWithoutGaps(first, "shared-raced");
			assertThat(seconds.get(0)).as("the first scheduled time after the trigger was created")
				.isEqualTo(created.getEpochSecond() + 1);
			assertThat(seconds).hasSizeGreaterThanOrEqualTo(3);
		}
	}

	@Test
	void keepsTheNewestFiringsOfATriggerAndDeletesThemWithIt() {
		try (ConfigurableApplicationContext console = start(store(), "1m")) {
			create(console, "shared-pruned");
			Trigger trigger = console.getBean(Triggers.class).find("shared-pruned").orElseThrow();
			TriggerFirings firings = console.getBean(TriggerFirings.class);
			Instant start = Instant.parse("2026-01-01T00:00:00Z");
			for (int i = 0; i < 15; i++) {
				Firing firing = firings.claim(trigger, start.plusSeconds(i), false, start, "tester", start)
					.orElseThrow();
				if (i != 2) {
					firings.fired(firing, start, "invocation-" + i, "queued");
				}
			}
			assertThat(firings.claim(trigger, start, false, start, "another", start)).isEmpty();

			assertThat(firings.prune("shared-pruned", 10)).isEqualTo(4);
			List<Firing> kept = firings.latest("shared-pruned", 100);
			assertThat(kept).hasSize(11).first().satisfies((newest) -> {
				assertThat(newest.scheduledAt()).isEqualTo(start.plusSeconds(14));
				assertThat(newest.invocationId()).isEqualTo("invocation-14");
			});
			assertThat(kept.get(10).status()).as("a pending firing, older than those kept")
				.isEqualTo(Firing.Status.PENDING);

			console.getBean(Triggers.class).delete("shared-pruned", new Author("tester"));
			assertThat(firings.latest("shared-pruned", 100)).isEmpty();
		}
	}

	private Instant create(ConfigurableApplicationContext console, String id) {
		TriggerRequest request = new TriggerRequest(id, "* * * * * *", null, "report", this.runtime.uri(),
				JsonMapper.builder().build().readTree("{\"from\": \"shared\"}"), null);
		TriggerDefinition definition = console.getBean(TriggerChecks.class).check(request, null);
		return console.getBean(Triggers.class).create(definition, new Author("tester")).firedThrough();
	}

	/**
	 * Checks what the runtime received: one post per scheduled time, for consecutive
	 * seconds, each recorded as fired.
	 * @return the scheduled epoch seconds, in order
	 */
	private List<Long> assertFiredOnceEachWithoutGaps(ConfigurableApplicationContext console, String id) {
		Map<String, Long> postsByKey = this.runtime.triggerPosts()
			.stream()
			.collect(Collectors.groupingBy((post) -> post.header("Idempotency-Key"), Collectors.counting()));
		assertThat(postsByKey).as("posts per idempotency key").allSatisfy((key, posts) -> assertThat(posts).isOne());
		List<Long> seconds = postsByKey.keySet().stream().map((key) -> {
			assertThat(key).startsWith("trigger:" + id + ":");
			return Long.parseLong(key.substring(key.lastIndexOf(':') + 1));
		}).sorted().toList();
		assertThat(seconds.get(seconds.size() - 1) - seconds.get(0)).as("seconds from the first firing to the last")
			.isEqualTo(seconds.size() - 1);
		List<Firing> firings = console.getBean(TriggerFirings.class).latest(id, 1000);
		assertThat(firings).hasSameSizeAs(seconds)
			.allSatisfy((firing) -> assertThat(firing.status()).isEqualTo(Firing.Status.FIRED));
		assertThat(firings.stream().map(Firing::idempotencyKey).collect(Collectors.toSet()))
			.isEqualTo(postsByKey.keySet());
		return seconds;
	}

	private static void awaitNothingPending(ConfigurableApplicationContext console, String id) {
		TriggerFirings firings = console.getBean(TriggerFirings.class);
		await().atMost(Duration.ofSeconds(30))
			.pollDelay(Duration.ofMillis(300))
			.until(() -> firings.latest(id, 1000)
				.stream()
				.noneMatch((firing) -> firing.status() == Firing.Status.PENDING));
	}

	private static void race(List<TriggerScheduler> schedulers, int threads) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		CountDownLatch ready = new CountDownLatch(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				TriggerScheduler scheduler = schedulers.get(i % schedulers.size());
				futures.add(executor.submit(() -> {
					ready.countDown();
					ready.await();
					scheduler.tick();
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private ConfigurableApplicationContext start(List<String> store, String tickInterval) {
		List<String> arguments = new ArrayList<>(store);
		arguments.addAll(List.of("--frontline.admin.triggers.tick-interval=" + tickInterval,
				"--frontline.control-plane.token=" + TOKEN, "--frontline.admin.seed.functions-uri=http://127.0.0.1:1"));
		return new SpringApplicationBuilder(AdminConsoleApplication.class).web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new));
	}

}
