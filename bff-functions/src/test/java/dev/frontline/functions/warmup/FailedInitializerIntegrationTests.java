package dev.frontline.functions.warmup;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runtime with an initializer that fails.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ExtendWith(OutputCaptureExtension.class)
class FailedInitializerIntegrationTests {

	@LocalManagementPort
	private int managementPort;

	@Test
	void staysUnreadyAndLogsTheFailure(CapturedOutput output) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> management().get()
				.uri("/actuator/health/readiness")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectBody()
				.jsonPath("$.components.functionInitializers.details.failed.brokenWarmup")
				.isEqualTo("the cache could not be loaded"));
		assertThat(output).contains("Function initializer 'brokenWarmup' failed; the runtime stays unready");
	}

	private WebTestClient management() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + this.managementPort).build();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class BrokenWarmup {

		@Bean
		FunctionInitializer brokenWarmup() {
			return () -> Mono.error(new IllegalStateException("the cache could not be loaded"));
		}

	}

}
