package dev.frontline.functions.warmup;

import java.time.Duration;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * The runtime with an initializer that completes when the test says so.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ReadinessIntegrationTests {

	private static final Sinks.Empty<Void> warmedUp = Sinks.empty();

	@LocalManagementPort
	private int managementPort;

	@Test
	void reportsReadyOnlyOnceEveryInitializerHasCompleted() {
		management().get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DOWN")
			.jsonPath("$.components.functionInitializers.details.running")
			.value(Matchers.hasItem("slowWarmup"));
		management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		warmedUp.tryEmitEmpty();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> management().get()
				.uri("/actuator/health/readiness")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP"));
	}

	private WebTestClient management() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + this.managementPort).build();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SlowWarmup {

		@Bean
		FunctionInitializer slowWarmup() {
			return warmedUp::asMono;
		}

	}

}
