package dev.frontline.functions.web;

import dev.frontline.functions.testkit.FunctionTest;
import dev.frontline.functions.testkit.FunctionTestKit;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code /actuator/prometheus} shows about functions and backends.
 */
@FunctionTest
class FunctionMetricsIntegrationTests {

	@Autowired
	private FunctionTestKit kit;

	@Test
	void timesEachFunctionCallByOutcome() {
		this.kit.backend("catalog").get("/products/p2").respond(200, """
				{"id":"p2","name":"Ceramic Mug","price":12.5,"description":"Large"}""");
		this.kit.backend("catalog").get("/products/p3").fail(500);
		assertThat(this.kit.call("product").send("{\"id\":\"p2\"}").status()).isEqualTo(200);
		assertThat(this.kit.call("product").send("{\"id\":").status()).isEqualTo(400);
		assertThat(this.kit.call("product").send("{\"id\":\"p3\"}").status()).isEqualTo(502);
		String metrics = prometheus();
		assertThat(metrics)
			.contains("frontline_function_invocations_seconds_count{function=\"product\",outcome=\"success\"}")
			.contains("frontline_function_invocations_seconds_count{function=\"product\",outcome=\"client_error\"}")
			.contains("frontline_function_invocations_seconds_count{function=\"product\",outcome=\"server_error\"}")
			.containsPattern(
					"frontline_function_invocations_seconds_bucket\\{function=\"product\",outcome=\"success\",le=\"[0-9.]+\"\\}");
	}

	@Test
	void timesEachBackendCallByOutcome() {
		this.kit.backend("catalog").get("/products/p3").fail(500);
		this.kit.call("product").send("{\"id\":\"p3\"}");
		this.kit.call("product").send("{\"id\":\"p4\"}");
		assertThat(prometheus())
			.contains("frontline_backend_calls_seconds_count{backend=\"catalog\",outcome=\"server_error\"}")
			.contains("frontline_backend_calls_seconds_count{backend=\"catalog\",outcome=\"client_error\"}")
			.containsPattern(
					"frontline_backend_calls_seconds_bucket\\{backend=\"catalog\",outcome=\"server_error\",le=\"[0-9.]+\"\\}");
	}

	@Test
	void showsTheCircuitBreakersRetriesAndBulkheadsOfEveryBackend() {
		String metrics = prometheus();
		for (String backend : new String[] { "profile", "catalog", "cart" }) {
			assertThat(metrics)
				.contains("resilience4j_circuitbreaker_state{name=\"" + backend + "\",state=\"closed\"} 1.0")
				.contains("resilience4j_retry_calls_total{kind=\"successful_without_retry\",name=\"" + backend + "\"}")
				.contains("resilience4j_bulkhead_max_allowed_concurrent_calls{name=\"" + backend + "\"} 100.0");
		}
	}

	private String prometheus() {
		return WebClient.create(this.kit.managementUrl())
			.get()
			.uri("/actuator/prometheus")
			.retrieve()
			.bodyToMono(String.class)
			.block();
	}

}
