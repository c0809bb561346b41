package dev.frontline.functions.web;

import java.util.List;

import dev.frontline.functions.testkit.FunctionAnswer;
import dev.frontline.functions.testkit.FunctionTest;
import dev.frontline.functions.testkit.FunctionTestKit;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code /actuator/prometheus} shows about functions and backends.
 */
@FunctionTest
class FunctionMetricsIntegrationTests {

	private static final List<String> SHARED_BUCKETS = List.of("0.001", "0.002", "0.005", "0.01", "0.025", "0.05",
			"0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf");

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
		String metrics = this.kit.prometheus();
		assertThat(metrics)
			.contains("frontline_function_invocations_seconds_count{function=\"product\",outcome=\"success\"}")
			.contains("frontline_function_invocations_seconds_count{function=\"product\",outcome=\"client_error\"}")
			.contains("frontline_function_invocations_seconds_count{function=\"product\",outcome=\"server_error\"}");
		assertThat(buckets(metrics,
				"frontline_function_invocations_seconds_bucket{function=\"product\",outcome=\"success\","))
			.isEqualTo(SHARED_BUCKETS);
	}

	@Test
	void countsAnAnswerWithoutOptionalPartsAsPartial() {
		this.kit.backend("profile").get("/users/alice").respond(200, """
				{"id":"alice","name":"Alice","tier":"gold"}""");
		this.kit.backend("catalog").get("/recommendations").fail(503);
		this.kit.backend("cart").get("/carts/alice").respond(200, """
				{"user":"alice","items":[],"total":0}""");
		String partial = "frontline_function_invocations_seconds_count{function=\"homePage,mobileView\",outcome=\"partial\"}";
		String success = "frontline_function_invocations_seconds_count{function=\"homePage,mobileView\",outcome=\"success\"}";
		String before = this.kit.prometheus();
		FunctionAnswer answer = this.kit.call("homePage,mobileView").as("alice").send();
		assertThat(answer.isPartial()).as(answer.toString()).isTrue();
		String after = this.kit.prometheus();
		assertThat(count(after, partial)).isEqualTo(count(before, partial) + 1);
		assertThat(count(after, success)).isEqualTo(count(before, success));
		assertThat(buckets(after,
				"frontline_function_invocations_seconds_bucket{function=\"homePage,mobileView\",outcome=\"partial\","))
			.isEqualTo(SHARED_BUCKETS);
	}

	@Test
	void timesEachBackendCallByOutcome() {
		this.kit.backend("catalog").get("/products/p3").fail(500);
		this.kit.call("product").send("{\"id\":\"p3\"}");
		this.kit.call("product").send("{\"id\":\"p4\"}");
		assertThat(this.kit.prometheus())
			.contains("frontline_backend_calls_seconds_count{backend=\"catalog\",outcome=\"server_error\"}")
			.contains("frontline_backend_calls_seconds_count{backend=\"catalog\",outcome=\"client_error\"}");
		assertThat(buckets(this.kit.prometheus(),
				"frontline_backend_calls_seconds_bucket{backend=\"catalog\",outcome=\"server_error\","))
			.isEqualTo(SHARED_BUCKETS);
	}

	@Test
	void showsTheCircuitBreakersRetriesAndBulkheadsOfEveryBackend() {
		this.kit.backend("catalog").get("/products/p3").fail(503);
		this.kit.call("product").send("{\"id\":\"p3\"}");
		String metrics = this.kit.prometheus();
		for (String backend : new String[] { "profile", "catalog", "cart" }) {
			assertThat(metrics)
				.contains("resilience4j_circuitbreaker_state{name=\"" + backend + "\",state=\"closed\"} 1.0")
				.contains("resilience4j_circuitbreaker_state{name=\"" + backend + "\",state=\"open\"} 0.0")
				.contains("resilience4j_retry_calls_total{kind=\"successful_without_retry\",name=\"" + backend + "\"}")
				.contains("resilience4j_bulkhead_max_allowed_concurrent_calls{name=\"" + backend + "\"} 100.0")
				.contains("resilience4j_bulkhead_available_concurrent_calls{name=\"" + backend + "\"}");
		}
		assertThat(metrics)
			.containsPattern(
					"resilience4j_circuitbreaker_calls_seconds_count\\{kind=\"failed\",name=\"catalog\"} [1-9]")
			.containsPattern("resilience4j_retry_calls_total\\{kind=\"failed_with_retry\",name=\"catalog\"} [1-9]");
	}

	// The upper bounds in seconds, as Prometheus shows them, of the series that a line
	// prefix names.
	private static List<String> buckets(String metrics, String series) {
		return metrics.lines()
			.filter((line) -> line.startsWith(series))
			.map((line) -> line.substring(line.indexOf("le=\"") + 4, line.indexOf("\"}")))
			.toList();
	}

	private static double count(String metrics, String series) {
		return metrics.lines()
			.filter((line) -> line.startsWith(series + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length() + 1)))
			.sum();
	}

}
