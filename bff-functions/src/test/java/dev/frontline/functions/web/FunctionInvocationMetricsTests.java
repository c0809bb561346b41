package dev.frontline.functions.web;

import java.time.Duration;
import java.util.List;

import dev.frontline.functions.fanout.Branch;
import dev.frontline.functions.fanout.FanOut;
import dev.frontline.functions.fanout.MissingParts;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionInvocationMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final FunctionInvocationMetrics metrics = new FunctionInvocationMetrics(this.registry);

	@Test
	void countsASuccessWithoutEveryPartAsPartial() {
		MissingParts missing = new MissingParts();
		Mono<Void> call = FanOut
			.of(Branch.required("profile", Mono.just("alice")),
					Branch.optional("cart", Mono.<String>error(new IllegalStateException("down")), "empty"))
			.join()
			.then()
			.contextWrite(missing.asContext());
		StepVerifier.create(this.metrics.timed("homePage", exchange(HttpStatus.OK), missing, call)).verifyComplete();
		assertThat(outcomes("homePage")).containsExactly("partial");
	}

	@Test
	void countsAFailureAsAFailureEvenWithoutEveryPart() {
		MissingParts missing = new MissingParts();
		Mono<Void> call = FanOut.of(Branch.optional("cart", Mono.<String>empty(), "empty"))
			.join()
			.then()
			.contextWrite(missing.asContext());
		StepVerifier.create(this.metrics.timed("homePage", exchange(HttpStatus.SERVICE_UNAVAILABLE), missing, call))
			.verifyComplete();
		assertThat(missing.isEmpty()).isFalse();
		assertThat(outcomes("homePage")).containsExactly("server_error");
	}

	@Test
	void countsACallThatTheCallerGaveUpOnAsCancelled() {
		Mono<Void> call = Mono.never();
		StepVerifier.create(this.metrics.timed("product", exchange(HttpStatus.OK), new MissingParts(), call))
			.thenAwait(Duration.ofMillis(10))
			.thenCancel()
			.verify();
		assertThat(outcomes("product")).containsExactly("cancelled");
	}

	@Test
	void timesAtMostAFixedNumberOfDefinitions() {
		this.registry.config().meterFilter(FunctionInvocationMetrics.tagLimit());
		for (int i = 0; i < FunctionInvocationMetrics.MAX_FUNCTIONS + 50; i++) {
			StepVerifier
				.create(this.metrics.timed("echo" + ",echo".repeat(i), exchange(HttpStatus.OK), new MissingParts(),
						Mono.empty()))
				.verifyComplete();
		}
		assertThat(this.registry.find(FunctionInvocationMetrics.NAME).timers())
			.hasSize(FunctionInvocationMetrics.MAX_FUNCTIONS);
	}

	private List<String> outcomes(String function) {
		return this.registry.find(FunctionInvocationMetrics.NAME)
			.tag("function", function)
			.timers()
			.stream()
			.filter((timer) -> timer.count() > 0)
			.map((Timer timer) -> timer.getId().getTag("outcome"))
			.toList();
	}

	private static MockServerWebExchange exchange(HttpStatus status) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/homePage"));
		exchange.getResponse().setStatusCode(status);
		return exchange;
	}

}
