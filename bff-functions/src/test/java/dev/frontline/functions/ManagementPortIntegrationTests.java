package dev.frontline.functions;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import dev.frontline.functions.identity.Passports;
import dev.frontline.functions.testkit.FunctionTest;
import dev.frontline.functions.testkit.FunctionTestKit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes and metrics answer on the management port only, never next to the functions.
 */
@FunctionTest
class ManagementPortIntegrationTests {

	private static final List<String> ENDPOINTS = List.of("/actuator/health/liveness", "/actuator/health/readiness",
			"/actuator/prometheus");

	private final WebClient http = WebClient.create();

	@Autowired
	private FunctionTestKit kit;

	@Test
	void servesProbesAndMetricsOnTheManagementPort() {
		for (String endpoint : ENDPOINTS) {
			assertThat(get(this.kit.managementUrl() + endpoint, null)).as(endpoint).startsWith("200 ");
		}
		assertThat(get(this.kit.managementUrl() + "/actuator/prometheus", null))
			.contains("resilience4j_circuitbreaker_state{")
			.contains("jvm_memory_used_bytes{");
	}

	@Test
	void keepsTheActuatorOffTheFunctionPort() {
		String passport = Passports.DEV.user("alice").sign();
		for (String endpoint : ENDPOINTS) {
			assertThat(get(this.kit.baseUrl() + endpoint, passport)).as(endpoint)
				.startsWith("404 ")
				.contains("urn:frontline:problem:function-not-found");
			assertThat(get(this.kit.baseUrl() + endpoint, null)).as(endpoint).startsWith("401 ");
		}
	}

	@Test
	void listensForFunctionsOn8090AndForManagementOn8091() throws IOException {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application",
				new ClassPathResource("application.yaml"));
		PropertySource<?> application = sources.get(0);
		assertThat(application.getProperty("server.port")).isEqualTo(8090);
		assertThat(application.getProperty("management.server.port")).isEqualTo(8091);
		assertThat(String.valueOf(application.getProperty("management.endpoints.web.exposure.include")))
			.contains("prometheus");
	}

	private String get(String url, @Nullable String passport) {
		return this.http.get().uri(url).headers((headers) -> {
			if (passport != null) {
				headers.set("X-Frontline-Passport", passport);
			}
		})
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((body) -> response.statusCode().value() + " " + body))
			.onErrorResume((ex) -> Mono.just("refused: " + ex.getMessage()))
			.block(Duration.ofSeconds(10));
	}

}
