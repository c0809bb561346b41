package dev.frontline.functions.warmup;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FunctionInitializersTests {

	private final Sinks.Empty<Void> warmup = Sinks.empty();

	@Test
	void isDownUntilEveryInitializerHasCompleted() {
		FunctionInitializers initializers = initializers(Map.of("catalogWarmup", this.warmup::asMono),
				Duration.ofSeconds(5));
		assertThat(initializers.health().getStatus()).isEqualTo(Status.DOWN);
		start(initializers);
		Health running = initializers.health();
		assertThat(running.getStatus()).isEqualTo(Status.DOWN);
		assertThat(running.getDetails()).containsEntry("running", Set.of("catalogWarmup"));
		this.warmup.tryEmitEmpty();
		assertThat(initializers.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void staysDownAfterAnInitializerFailed() {
		Map<String, FunctionInitializer> all = new LinkedHashMap<>();
		all.put("catalogWarmup", () -> Mono.error(new IllegalStateException("catalog refused")));
		all.put("cacheWarmup", Mono::empty);
		FunctionInitializers initializers = initializers(all, Duration.ofSeconds(5));
		start(initializers);
		Health health = initializers.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("failed", Map.of("catalogWarmup", "catalog refused"))
			.doesNotContainKey("running");
	}

	@Test
	void failsAnInitializerThatTakesLongerThanTheTimeout() {
		FunctionInitializers initializers = initializers(Map.of("slowWarmup", Mono::never), Duration.ofMillis(50));
		start(initializers);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(initializers.health().getDetails()).containsEntry("failed",
					Map.of("slowWarmup", "did not complete within 50 ms (frontline.initializers.timeout)")));
	}

	@Test
	void failsAnInitializerThatThrows() {
		FunctionInitializers initializers = initializers(Map.of("brokenWarmup", () -> {
			throw new IllegalStateException("broken");
		}), Duration.ofSeconds(5));
		start(initializers);
		assertThat(initializers.health().getDetails()).containsEntry("failed", Map.of("brokenWarmup", "broken"));
	}

	@Test
	void isUpWithoutInitializers() {
		assertThat(initializers(Map.of(), Duration.ofSeconds(5)).health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void runsEachInitializerOnce() {
		AtomicInteger runs = new AtomicInteger();
		FunctionInitializers initializers = initializers(
				Map.of("countingWarmup", () -> Mono.fromRunnable(runs::incrementAndGet)), Duration.ofSeconds(5));
		start(initializers);
		start(initializers);
		assertThat(runs).hasValue(1);
	}

	private static FunctionInitializers initializers(Map<String, FunctionInitializer> initializers, Duration timeout) {
		return new FunctionInitializers(initializers, timeout);
	}

	private static void start(FunctionInitializers initializers) {
		initializers.onApplicationEvent(new ApplicationStartedEvent(new SpringApplication(), new String[0],
				new GenericApplicationContext(), Duration.ZERO));
	}

}
