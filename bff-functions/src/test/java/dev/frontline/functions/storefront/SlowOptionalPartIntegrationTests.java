package dev.frontline.functions.storefront;

import java.time.Duration;

import dev.frontline.functions.testkit.FunctionAnswer;
import dev.frontline.functions.testkit.FunctionTest;
import dev.frontline.functions.testkit.FunctionTestKit;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An optional part of the home page whose backend is slower than the part may take (1 s)
 * but not slower than the backend's own timeout (2 s), as configured out of the box. The
 * catalog's circuit breaker opens after four failed calls and stays open for the rest of
 * the test.
 */
@FunctionTest(properties = { "frontline.storefront.optional-part-timeout=1s", "frontline.backends.catalog.timeout=2s",
		"resilience4j.circuitbreaker.instances.catalog.sliding-window-size=4",
		"resilience4j.circuitbreaker.instances.catalog.minimum-number-of-calls=4",
		"resilience4j.circuitbreaker.instances.catalog.wait-duration-in-open-state=60s" })
class SlowOptionalPartIntegrationTests {

	@Autowired
	private FunctionTestKit kit;

	@Test
	void opensTheCircuitOfAnOptionalPartSlowerThanItsPartTimeoutAndKeepsAnsweringWithoutIt() {
		StorefrontStubs.alice(this.kit);
		this.kit.backend("catalog")
			.get("/recommendations")
			.respond(200, StorefrontStubs.RECOMMENDATIONS)
			.delay(Duration.ofMillis(1800));
		// The catalog answers within its own timeout, but too late for the part: each
		// page goes out without it.
		for (int i = 0; i < 4; i++) {
			assertAnsweredWithoutRecommendations(homePage());
		}
		// Each call was cut off by the part's timeout, and is not repeated: four calls,
		// four timed-out calls, and the circuit opens.
		assertThat(this.kit.backend("catalog").calls()).isEqualTo(4);
		assertThat(this.kit.prometheus()).contains(circuit("catalog", "open") + " 1.0")
			.contains("frontline_backend_calls_seconds_count{backend=\"catalog\",outcome=\"timeout\"} 4\n");

		// While it is open, pages are answered without calling the catalog.
		for (int i = 0; i < 3; i++) {
			assertAnsweredWithoutRecommendations(homePage());
		}
		assertThat(this.kit.backend("catalog").calls()).isEqualTo(4);
		assertThat(this.kit.prometheus())
			.contains("frontline_backend_calls_seconds_count{backend=\"catalog\",outcome=\"circuit_open\"} 3\n")
			.contains(circuit("profile", "closed") + " 1.0")
			.contains(circuit("cart", "closed") + " 1.0");
	}

	private FunctionAnswer homePage() {
		return this.kit.call("homePage,mobileView").as("alice").send();
	}

	private static void assertAnsweredWithoutRecommendations(FunctionAnswer answer) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.isPartial()).isTrue();
		assertThat(answer.missing()).containsExactly("recommendations");
		assertThat(answer.json().get("greeting").asString()).isEqualTo("Hi Alice");
		assertThat(answer.json().get("cartCount").asInt()).isEqualTo(3);
	}

	private static String circuit(String backend, String state) {
		return "resilience4j_circuitbreaker_state{name=\"" + backend + "\",state=\"" + state + "\"}";
	}

}
