package dev.frontline.gateway.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.HeaderCondition;
import dev.frontline.contract.RetryPolicy;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.gateway.testing.AbstractGatewayIntegrationTests;
import dev.frontline.gateway.testing.ClosedPort;
import dev.frontline.gateway.testing.FunctionRuntimeStub;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The gateway on a port, with routes applied straight from snapshots and a stub function
 * runtime behind them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
		"frontline.gateway.control-plane.uri=http://127.0.0.1:1", "frontline.gateway.id=routing-test" })
class SnapshotRoutingIntegrationTests extends AbstractGatewayIntegrationTests {

	private static final String PROBLEM_JSON = "application/problem+json";

	@AutoClose
	static FunctionRuntimeStub runtime = FunctionRuntimeStub.start("first");

	@AutoClose
	static FunctionRuntimeStub secondRuntime = FunctionRuntimeStub.start("second");

	long version;

	@BeforeEach
	void connect() {
		runtime.reset();
		secondRuntime.reset();
	}

	@Test
	void forwardsAGetAsAPostToTheComposedFunctionsWithQueryAndPathVariablesAsJson() {
		apply(route("mobile-home", "/api/m/{page}", target("homePage|mobileView")));
		this.client.get()
			.uri("/api/m/home?user=alice&tag=a&tag=b&page=ignored")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Stub-Method", "POST")
			.expectHeader()
			.valueEquals("X-Stub-Path", "/homePage,mobileView")
			.expectHeader()
			.valueEquals("X-Stub-Content-Type", "application/json")
			.expectHeader()
			.valueEquals("X-Stub-Route", "mobile-home")
			.expectBody()
			.json("""
					{"user":"alice","tag":["a","b"],"page":"home"}""", true);
	}

	@Test
	void passesAPostBodyThroughAsItIs() {
		apply(route("cart", "/api/cart", target("cart")));
		this.client.post()
			.uri("/api/cart?ignored=yes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"user\":\"bob\",\"items\":[1,2]}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Stub-Method", "POST")
			.expectHeader()
			.valueEquals("X-Stub-Path", "/cart")
			.expectBody(String.class)
			.isEqualTo("{\"user\":\"bob\",\"items\":[1,2]}");
	}

	@Test
	void keepsAWellFormedRequestIdAndEchoesIt() {
		apply(route("product", "/api/products/{id}", target("product")));
		this.client.get()
			.uri("/api/products/p1")
			.header("X-Request-Id", "client-42")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Request-Id", "client-42")
			.expectHeader()
			.valueEquals("X-Stub-Request-Id", "client-42");
	}

	@Test
	void replacesAMalformedRequestIdWithAGeneratedOne() {
		apply(route("product", "/api/products/{id}", target("product")));
		var result = this.client.get()
			.uri("/api/products/p1")
			.header("X-Request-Id", "bad id with spaces")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class);
		String sent = result.getResponseHeaders().getFirst("X-Request-Id");
		assertThat(sent).isNotBlank().isNotEqualTo("bad id with spaces");
		assertThat(result.getResponseHeaders().get("X-Request-Id")).hasSize(1);
		assertThat(result.getResponseHeaders().getFirst("X-Stub-Request-Id")).isEqualTo(sent);
	}

	@Test
	void answersAnUnknownPathWithARouteNotFoundProblem() {
		apply(route("product", "/api/products/{id}", target("product")));
		this.client.get()
			.uri("/api/nothing/here")
			.header("X-Request-Id", "req-404")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(PROBLEM_JSON)
			.expectHeader()
			.valueEquals("X-Request-Id", "req-404")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:route-not-found")
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.title")
			.isEqualTo("Route not found")
			.jsonPath("$.detail")
			.isEqualTo("No route matches GET /api/nothing/here")
			.jsonPath("$.instance")
			.isEqualTo("/api/nothing/here")
			.jsonPath("$.requestId")
			.isEqualTo("req-404");
		assertThat(runtime.calls()).isZero();
	}

	@Test
	void answersAMethodNoRouteAllowsWithARouteNotFoundProblem() {
		RouteRule getOnly = route("product", "/api/products/{id}", target("product"));
		apply(new RouteRule(getOnly.id(), null, RouteMatch.of("/api/products/{id}", "GET"), 0, getOnly.auth(), null,
				null, null, getOnly.stable(), null));
		this.client.delete()
			.uri("/api/products/p1")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:route-not-found");
	}

	@Test
	void answersAnUnreachableTargetWithABadGatewayProblem() {
		apply(route("down", "/api/down", Target.of(ClosedPort.uri(), "product")));
		this.client.get()
			.uri("/api/down")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:bad-gateway")
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).contains("'down'"))
			.jsonPath("$.instance")
			.isEqualTo("/api/down")
			.jsonPath("$.requestId")
			.isNotEmpty();
	}

	@Test
	void answersATargetSlowerThanTheRouteTimeoutWithAGatewayTimeoutProblemInTime() {
		Duration timeout = Duration.ofMillis(400);
		apply(withTimeout(route("slow", "/api/slow", target("slow")), timeout));
		long start = System.nanoTime();
		this.client.get()
			.uri("/api/slow")
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType(PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:gateway-timeout")
			.jsonPath("$.detail")
			.isEqualTo("The target of route 'slow' did not answer within 400 ms");
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(elapsed).isGreaterThanOrEqualTo(timeout).isLessThan(timeout.plusMillis(1500));
	}

	@Test
	void retriesAnIdempotentRequestThatWasAnsweredUnavailable() {
		apply(withRetry(route("flaky", "/api/flaky", target("flaky")), 2));
		runtime.answerUnavailable(2);
		this.client.get().uri("/api/flaky").exchange().expectStatus().isOk();
		assertThat(runtime.calls()).isEqualTo(3);
	}

	@Test
	void givesUpAfterTheRetriesAndPassesTheLastAnswerOn() {
		apply(withRetry(route("flaky", "/api/flaky", target("flaky")), 1));
		runtime.answerUnavailable(5);
		this.client.get().uri("/api/flaky").exchange().expectStatus().isEqualTo(503);
		assertThat(runtime.calls()).isEqualTo(2);
	}

	@Test
	void answersBadGatewayOnceTheRetriesOfAnUnreachableTargetAreSpent() {
		apply(withRetry(route("down", "/api/down", Target.of(ClosedPort.uri(), "product")), 2));
		this.client.get()
			.uri("/api/down")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:bad-gateway");
	}

	@Test
	void doesNotRetryAPost() {
		apply(withRetry(route("flaky", "/api/flaky", target("flaky")), 2));
		runtime.answerUnavailable(1);
		this.client.post()
			.uri("/api/flaky")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(503);
		assertThat(runtime.calls()).isEqualTo(1);
	}

	@Test
	void passesTheProblemsOfTheFunctionRuntimeThroughUnchanged() {
		apply(route("product", "/api/products/{id}", target("missing")));
		this.client.get()
			.uri("/api/products/p999")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(PROBLEM_JSON)
			.expectBody()
			.json("""
					{"type":"urn:frontline:problem:product-not-found","title":"Product not found",
					 "status":404,"detail":"No product p999"}""", true);
	}

	@Test
	void takesTurnsBetweenTheUrisOfATarget() {
		apply(route("product", "/api/products/{id}",
				new Target(List.of(runtime.uri(), secondRuntime.uri()), "product")));
		List<String> servedBy = IntStream.range(0, 4)
			.mapToObj((i) -> this.client.get()
				.uri("/api/products/p1")
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(String.class)
				.getResponseHeaders()
				.getFirst("X-Stub"))
			.toList();
		assertThat(servedBy).containsOnly("first", "second");
		assertThat(servedBy.subList(0, 2)).doesNotHaveDuplicates();
		assertThat(servedBy.subList(2, 4)).doesNotHaveDuplicates();
	}

	@Test
	void matchesHeaderConditionsBeforeFallingBackToALaterRoute() {
		RouteRule beta = new RouteRule("home-beta", null,
				new RouteMatch("/api/home", Set.of("GET"), List.of(),
						List.of(new HeaderCondition("X-Channel", "beta|canary"))),
				0, AuthPolicy.publicAccess(), null, null, null, target("betaHome"), null);
		RouteRule home = new RouteRule("home", null, RouteMatch.of("/api/home", "GET"), 10, AuthPolicy.publicAccess(),
				null, null, null, target("homePage"), null);
		apply(home, beta);
		this.client.get()
			.uri("/api/home")
			.header("X-Channel", "beta")
			.exchange()
			.expectHeader()
			.valueEquals("X-Stub-Route", "home-beta");
		this.client.get()
			.uri("/api/home")
			.header("X-Channel", "stable")
			.exchange()
			.expectHeader()
			.valueEquals("X-Stub-Route", "home");
	}

	@Test
	void routesByTheNewSnapshotOnceItIsApplied() {
		apply(route("product", "/api/products/{id}", target("product")));
		this.client.get().uri("/api/products/p1").exchange().expectStatus().isOk();
		apply(route("product", "/api/catalog/{id}", target("product")));
		this.client.get().uri("/api/catalog/p1").exchange().expectStatus().isOk();
		this.client.get().uri("/api/products/p1").exchange().expectStatus().isNotFound();
	}

	@Test
	void keepsRoutingByTheCurrentSnapshotWhenANewOneIsInvalid() {
		apply(route("product", "/api/products/{id}", target("product")));
		ConfigSnapshot valid = ConfigSnapshot.of(++this.version, Instant.now(), "test",
				List.of(route("product", "/api/catalog/{id}", target("product"))));
		ConfigSnapshot tampered = new ConfigSnapshot(valid.version(), valid.createdAt(), valid.createdBy(),
				"sha256:tampered", valid.routes());
		assertThatExceptionOfType(InvalidSnapshot.class).isThrownBy(() -> this.routes.apply(tampered));
		this.client.get().uri("/api/products/p1").exchange().expectStatus().isOk();
		this.client.get().uri("/api/catalog/p1").exchange().expectStatus().isNotFound();
	}

	private void apply(RouteRule... rules) {
		this.routes.apply(ConfigSnapshot.of(++this.version, Instant.now(), "test", List.of(rules)));
	}

	private static Target target(String function) {
		return Target.of(runtime.uri(), function);
	}

	private static RouteRule route(String id, String path, Target target) {
		return new RouteRule(id, null, RouteMatch.of(path), 0, AuthPolicy.publicAccess(), null, null, null, target,
				null);
	}

	private static RouteRule withTimeout(RouteRule rule, Duration timeout) {
		return new RouteRule(rule.id(), null, rule.match(), rule.order(), rule.auth(), null, timeout, rule.retry(),
				rule.stable(), null);
	}

	private static RouteRule withRetry(RouteRule rule, int attempts) {
		return new RouteRule(rule.id(), null, rule.match(), rule.order(), rule.auth(), null, rule.timeout(),
				new RetryPolicy(attempts, Duration.ofMillis(10)), rule.stable(), null);
	}

}
