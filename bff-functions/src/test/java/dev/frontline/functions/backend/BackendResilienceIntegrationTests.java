package dev.frontline.functions.backend;

import java.time.Duration;

import dev.frontline.functions.testkit.FunctionAnswer;
import dev.frontline.functions.testkit.FunctionTest;
import dev.frontline.functions.testkit.FunctionTestKit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backend faults, with stubs in place of the backends. The catalog: a short timeout, a
 * circuit breaker that opens after four failed attempts, a bulkhead of one call. The
 * cart, an optional part of the home page: a short timeout, a circuit breaker that opens
 * after four failed attempts and lets one probe through after a second.
 */
@FunctionTest(properties = { "frontline.backends.catalog.timeout=500ms",
		"resilience4j.circuitbreaker.instances.catalog.sliding-window-size=4",
		"resilience4j.circuitbreaker.instances.catalog.minimum-number-of-calls=4",
		"resilience4j.circuitbreaker.instances.catalog.wait-duration-in-open-state=30s",
		"resilience4j.bulkhead.instances.catalog.max-concurrent-calls=1",
		"resilience4j.retry.instances.catalog.wait-duration=10ms", "frontline.backends.cart.timeout=300ms",
		"resilience4j.circuitbreaker.instances.cart.sliding-window-size=4",
		"resilience4j.circuitbreaker.instances.cart.minimum-number-of-calls=4",
		"resilience4j.circuitbreaker.instances.cart.wait-duration-in-open-state=1s",
		"resilience4j.circuitbreaker.instances.cart.permitted-number-of-calls-in-half-open-state=1",
		"resilience4j.retry.instances.cart.wait-duration=10ms" })
class BackendResilienceIntegrationTests {

	private static final String ALICE = """
			{"id":"alice","name":"Alice","tier":"gold"}""";

	private static final String RECOMMENDATIONS = """
			{"items":[{"id":"p2","name":"Ceramic Mug","price":12.5,"description":"Large"}]}""";

	private static final String CART = """
			{"user":"alice","items":[{"productId":"p2","name":"Ceramic Mug","quantity":3,"price":12.5}],"total":37.5}""";

	private static final String MUG = """
			{"id":"p2","name":"Ceramic Mug","price":12.5,"description":"Large"}""";

	@Autowired
	private FunctionTestKit kit;

	@Test
	void answersGatewayTimeoutWhenTheBackendIsSlowerThanItsTimeout() {
		this.kit.backend("catalog").get("/products/p2").respond(200, MUG).delay(Duration.ofSeconds(3));
		long started = System.nanoTime();
		FunctionAnswer answer = product();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(504);
		assertThat(answer.problemType()).isEqualTo("urn:frontline:problem:backend-timeout");
		assertThat(answer.json().get("detail").asString())
			.isEqualTo("The catalog backend did not answer within 500 ms");
		// Well before the backend answers (3 s), with room for a busy machine.
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
		// A second attempt would only double the wait.
		assertThat(this.kit.backend("catalog").calls()).isEqualTo(1);
	}

	@Test
	void opensTheCircuitAfterFailuresAndThenStopsCallingTheBackend() {
		this.kit.backend("catalog").get("/products/p2").fail(503);
		for (int i = 0; i < 2; i++) {
			FunctionAnswer answer = product();
			assertThat(answer.status()).as(answer.toString()).isEqualTo(502);
			assertThat(answer.json().get("detail").asString())
				.isEqualTo("The catalog backend answered 503 Service Unavailable");
		}
		// Two calls, each tried twice: four failures open the circuit.
		assertThat(this.kit.backend("catalog").calls()).isEqualTo(4);
		for (int i = 0; i < 3; i++) {
			FunctionAnswer answer = product();
			assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
			assertThat(answer.problemType()).isEqualTo("urn:frontline:problem:backend-circuit-open");
			assertThat(Integer.parseInt(answer.header("Retry-After"))).isBetween(25, 30);
		}
		assertThat(this.kit.backend("catalog").calls()).isEqualTo(4);
	}

	@Test
	void answersWithoutTheOptionalPartsWhileTheirCircuitIsOpen() {
		this.kit.backend("profile").get("/users/alice").respond(200, """
				{"id":"alice","name":"Alice","tier":"gold"}""");
		this.kit.backend("cart").get("/carts/alice").respond(200, """
				{"user":"alice","items":[],"total":0}""");
		this.kit.backend("catalog").get("/recommendations").fail(503);
		this.kit.call("recommendations").as("alice").send();
		this.kit.call("recommendations").as("alice").send();
		int calls = this.kit.backend("catalog").calls();
		FunctionAnswer answer = this.kit.call("homePage,mobileView").as("alice").send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.isPartial()).isTrue();
		assertThat(answer.missing()).containsExactly("recommendations");
		assertThat(this.kit.backend("catalog").calls()).isEqualTo(calls);
	}

	@Test
	void answersBadGatewayWhenTheBackendRefusesConnections() {
		this.kit.backend("catalog").down();
		FunctionAnswer answer = product();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(502);
		assertThat(answer.problemType()).isEqualTo("urn:frontline:problem:backend-unavailable");
		assertThat(answer.json().get("detail").asString()).isEqualTo("The catalog backend could not be reached");
	}

	@Test
	void refusesACallBeyondTheBulkheadAtOnce() {
		this.kit.backend("catalog").get("/products/p2").respond(200, MUG).delay(Duration.ofMillis(400));
		Mono<FunctionAnswer> first = this.kit.call("product").exchange("{\"id\":\"p2\"}").cache();
		first.subscribe();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.kit.backend("catalog").calls() == 1);
		FunctionAnswer second = product();
		assertThat(second.status()).as(second.toString()).isEqualTo(503);
		assertThat(second.problemType()).isEqualTo("urn:frontline:problem:backend-busy");
		assertThat(second.header("Retry-After")).isEqualTo("1");
		assertThat(first.block(Duration.ofSeconds(5)).status()).isEqualTo(200);
		assertThat(this.kit.backend("catalog").calls()).isEqualTo(1);
	}

	@Test
	void repeatsAReadAfterATransientFailure() {
		this.kit.backend("catalog").get("/products/p2").respond(200, MUG);
		this.kit.backend("catalog").get("/products/p2").fail(503).times(1);
		FunctionAnswer answer = product();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(this.kit.backend("catalog").calls()).isEqualTo(2);
	}

	@Test
	void keepsTheCircuitClosedWhenTheBackendRefusesRequests() {
		this.kit.backend("catalog").get("/products/p2").respond(400, "{}");
		for (int i = 0; i < 6; i++) {
			assertThat(product().status()).isEqualTo(502);
		}
		this.kit.backend("catalog").get("/products/p2").respond(200, MUG);
		assertThat(product().status()).isEqualTo(200);
		assertThat(this.kit.backend("catalog").calls()).isEqualTo(7);
	}

	@Test
	void opensTheCircuitOfABackendSlowerThanItsTimeoutAndAnswersWithoutItsPart() {
		stubHomePage();
		this.kit.backend("cart").get("/carts/alice").respond(200, CART).delay(Duration.ofSeconds(2));
		for (int i = 0; i < 4; i++) {
			assertAnsweredWithoutTheCart(homePage());
		}
		// A timed-out call is not repeated: four calls, four failures, and the circuit
		// opens.
		assertThat(this.kit.backend("cart").calls()).isEqualTo(4);
		assertThat(this.kit.prometheus()).contains(circuit("cart", "open") + " 1.0");
		// While it is open, calls fail at once, without reaching the cart.
		for (int i = 0; i < 3; i++) {
			assertAnsweredWithoutTheCart(homePage());
		}
		assertThat(this.kit.backend("cart").calls()).isEqualTo(4);
	}

	@Test
	void closesTheCircuitOfABackendThatWasDownOnceAProbeGetsThrough() {
		stubHomePage();
		this.kit.backend("cart").down();
		// Each call is tried twice after a refused connection: two calls open the
		// circuit.
		assertAnsweredWithoutTheCart(homePage());
		assertAnsweredWithoutTheCart(homePage());
		assertThat(this.kit.prometheus()).contains(circuit("cart", "open") + " 1.0");

		this.kit.backend("cart").get("/carts/alice").respond(200, CART);
		this.kit.backend("cart").up();
		FunctionAnswer whole = await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(this::homePage, (answer) -> !answer.isPartial());
		assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
		assertThat(whole.json().get("cartCount").asInt()).isEqualTo(3);
		// Until the circuit let a probe through, the calls failed without reaching the
		// cart; the probe succeeded and closed it.
		assertThat(this.kit.backend("cart").calls()).isEqualTo(1);
		assertThat(this.kit.prometheus()).contains(circuit("cart", "closed") + " 1.0")
			.contains(circuit("cart", "open") + " 0.0");
		assertThat(homePage().isPartial()).isFalse();
		assertThat(this.kit.backend("cart").calls()).isEqualTo(2);
	}

	private void stubHomePage() {
		this.kit.backend("profile").get("/users/alice").respond(200, ALICE);
		this.kit.backend("catalog").get("/recommendations").respond(200, RECOMMENDATIONS);
	}

	private FunctionAnswer homePage() {
		return this.kit.call("homePage,mobileView").as("alice").send();
	}

	private static void assertAnsweredWithoutTheCart(FunctionAnswer answer) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.isPartial()).isTrue();
		assertThat(answer.missing()).containsExactly("cart");
		assertThat(answer.json().get("greeting").asString()).isEqualTo("Hi Alice");
	}

	private static String circuit(String backend, String state) {
		return "resilience4j_circuitbreaker_state{name=\"" + backend + "\",state=\"" + state + "\"}";
	}

	private FunctionAnswer product() {
		return this.kit.call("product").send("{\"id\":\"p2\"}");
	}

}
