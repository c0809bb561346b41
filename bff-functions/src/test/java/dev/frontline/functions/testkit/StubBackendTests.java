package dev.frontline.functions.testkit;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class StubBackendTests {

	private final StubBackend catalog = StubBackend.start("catalog");

	private final WebClient http = WebClient.create(this.catalog.baseUrl());

	@AfterEach
	void stop() {
		this.catalog.stop();
	}

	@Test
	void answersAsItsRuleSays() {
		this.catalog.get("/products/p1").respond(200, "{\"id\":\"p1\"}");
		assertThat(get("/products/p1")).isEqualTo("200 {\"id\":\"p1\"}");
		assertThat(this.catalog.calls()).isEqualTo(1);
		assertThat(this.catalog.calls("/products/p1")).isEqualTo(1);
	}

	@Test
	void answersNotFoundWhereNoRuleMatches() {
		assertThat(get("/products/p9")).startsWith("404 ");
		assertThat(this.catalog.requests()).containsExactly("GET /products/p9");
	}

	@Test
	void matchesAnyQueryUnlessTheRuleNamesOne() {
		this.catalog.get("/recommendations").respond(200, "{\"items\":[]}");
		this.catalog.get("/recommendations?user=bob").respond(503);
		assertThat(get("/recommendations?user=alice")).startsWith("200 ");
		assertThat(get("/recommendations?user=bob")).isEqualTo("503 ");
		assertThat(this.catalog.calls("/recommendations")).isEqualTo(2);
	}

	@Test
	void letsTheLatestRuleAnswerAndFallsBackOnceItIsUsedUp() {
		this.catalog.get("/products/p1").respond(200, "{}");
		this.catalog.get("/products/p1").fail(503).times(2);
		assertThat(get("/products/p1")).startsWith("503 ");
		assertThat(get("/products/p1")).startsWith("503 ");
		assertThat(get("/products/p1")).isEqualTo("200 {}");
	}

	@Test
	void waitsBeforeAnsweringWhenToldTo() {
		this.catalog.get("/products/p1").respond(200, "{}").delay(Duration.ofMillis(300));
		long started = System.nanoTime();
		get("/products/p1");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void refusesConnectionsWhileDownAndForgetsEverythingOnReset() {
		this.catalog.get("/products/p1").respond(200, "{}");
		this.catalog.down();
		assertThat(get("/products/p1")).isEqualTo("refused");
		this.catalog.reset();
		assertThat(get("/products/p1")).startsWith("404 ");
		assertThat(this.catalog.calls()).isEqualTo(1);
	}

	@Test
	void keepsTheHeadersOfEachRequest() {
		this.http.get()
			.uri("/products/p1")
			.header("traceparent", "00-abc-def-01")
			.retrieve()
			.toBodilessEntity()
			.onErrorResume((ex) -> Mono.empty())
			.block(Duration.ofSeconds(5));
		get("/products/p2");
		assertThat(this.catalog.requestHeaders()).hasSize(2);
		assertThat(this.catalog.requestHeaders().get(0).getFirst("traceparent")).isEqualTo("00-abc-def-01");
		assertThat(this.catalog.requestHeaders().get(1).containsHeader("traceparent")).isFalse();
		this.catalog.reset();
		assertThat(this.catalog.requestHeaders()).isEmpty();
	}

	private String get(String uri) {
		return this.http.get()
			.uri(uri)
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((body) -> response.statusCode().value() + " " + body))
			.onErrorResume((ex) -> Mono.just("refused"))
			.block(Duration.ofSeconds(5));
	}

}
