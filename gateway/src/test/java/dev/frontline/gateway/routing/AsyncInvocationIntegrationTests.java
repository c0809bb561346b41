package dev.frontline.gateway.routing;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.frontline.contract.AsyncPolicy;
import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.CanaryTarget;
import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.CorsPolicy;
import dev.frontline.contract.RetryPolicy;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.RouteStats;
import dev.frontline.contract.Target;
import dev.frontline.gateway.canary.RouteStatsRecorder;
import dev.frontline.gateway.testing.AbstractGatewayIntegrationTests;
import dev.frontline.gateway.testing.ClosedPort;
import dev.frontline.gateway.testing.FunctionRuntimeStub;
import dev.frontline.gateway.testing.FunctionRuntimeStub.Received;
import dev.frontline.gateway.testing.Passports;
import dev.frontline.gateway.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on a port in front of stub function runtimes that take asynchronous
 * invocations: requests made asynchronous by their route or by their own header, and the
 * status resource of the invocations.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
		"frontline.gateway.id=async-test", "frontline.gateway.heartbeat-interval=1h" })
class AsyncInvocationIntegrationTests extends AbstractGatewayIntegrationTests {

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String POLICY_HEADER = "X-Frontline-Async-Policy";

	private static final String SHOP = "https://shop.example.com";

	private static final AsyncPolicy REPORT_POLICY = new AsyncPolicy(true, 5, Duration.ofHours(1),
			Duration.ofMinutes(10), new AsyncPolicy.Destination("https://hooks.example.com/reports", null), null);

	@AutoClose
	static FunctionRuntimeStub runtime = FunctionRuntimeStub.start("stable");

	@AutoClose
	static FunctionRuntimeStub canaryRuntime = FunctionRuntimeStub.start("canary");

	@Autowired
	MeterRegistry meters;

	@Autowired
	RouteStatsRecorder stats;

	long version;

	@BeforeEach
	void connect() {
		runtime.reset();
		canaryRuntime.reset();
		apply(reportRoute(), productRoute());
	}

	@Test
	void queuesARequestOnAnAsyncRouteAndPointsTheClientAtTheGatewaysStatusResource() {
		EntityExchangeResult<JsonNode> result = this.client.post()
			.uri("/api/reports")
			.header("Authorization", "Bearer " + token("alice"))
			.header("Idempotency-Key", "report-2024-06")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"month\":\"2024-06\"}")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult();
		String id = result.getResponseBody().get("id").asString();
		assertThat(result.getResponseHeaders().getFirst("Location")).isEqualTo("/invocations/report/" + id);
		Received received = runtime.lastReceived();
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.path()).isEqualTo("/async/buildReport,render");
		assertThat(received.body()).isEqualTo("{\"month\":\"2024-06\"}");
		assertThat(received.header("Idempotency-Key")).isEqualTo("report-2024-06");
		assertThat(received.header("X-Frontline-Route")).isEqualTo("report");
		assertThat(ConfigJson.mapper().readValue(received.header(POLICY_HEADER), AsyncPolicy.class))
			.isEqualTo(REPORT_POLICY);
		assertThat(received.header(POLICY_HEADER)).doesNotContain(" ", "\n");
		assertThat(passportSubject(received)).isEqualTo("alice");
	}

	@Test
	void queuesARequestThatAsksForItOnASyncRouteUnderTheDefaultPolicy() {
		EntityExchangeResult<JsonNode> result = this.client.get()
			.uri("/api/products/p1?fields=name")
			.header("X-Frontline-Invocation-Type", "ASYNC")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult();
		assertThat(result.getResponseHeaders().getFirst("Location"))
			.isEqualTo("/invocations/product/" + result.getResponseBody().get("id").asString());
		Received received = runtime.lastReceived();
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.path()).isEqualTo("/async/product");
		assertThat(received.body()).isEqualTo("{\"fields\":\"name\",\"id\":\"p1\"}");
		assertThat(ConfigJson.mapper().readValue(received.header(POLICY_HEADER), AsyncPolicy.class))
			.isEqualTo(AsyncPolicy.defaults());
		assertThat(received.header("X-Frontline-Invocation-Type")).isNull();
	}

	@Test
	void callsTheFunctionAsBeforeForARequestThatDoesNotAskToBeAsync() {
		this.client.get()
			.uri("/api/products/p1")
			.header("X-Frontline-Invocation-Type", "sync")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Stub-Path", "/product")
			.expectHeader()
			.doesNotExist("Location")
			.expectBody()
			.json("{\"id\":\"p1\"}", true);
		this.client.get().uri("/api/products/p2").exchange().expectStatus().isOk();
		assertThat(runtime.received()).extracting(Received::path).containsExactly("/product", "/product");
		assertThat(runtime.received()).allSatisfy((received) -> assertThat(received.header(POLICY_HEADER)).isNull());
	}

	@Test
	void keepsARequestOnAnAsyncRouteAsyncWhenItAsksForSync() {
		this.client.post()
			.uri("/api/reports")
			.header("Authorization", "Bearer " + token("alice"))
			.header("X-Frontline-Invocation-Type", "sync")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isAccepted();
		assertThat(runtime.lastReceived().path()).isEqualTo("/async/buildReport,render");
	}

	@Test
	void refusesAnInvocationTypeThatDoesNotExist() {
		this.client.get()
			.uri("/api/products/p1")
			.header("X-Frontline-Invocation-Type", "later")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:invalid-invocation-type")
			.jsonPath("$.detail")
			.isEqualTo("X-Frontline-Invocation-Type must be 'sync' or 'async'");
		assertThat(runtime.calls()).isZero();
	}

	@Test
	void replacesTheInternalHeadersAClientSends() {
		String spoofedPolicy = "{\"always\":true,\"retries\":10,\"maxEventAge\":\"7d\",\"resultTtl\":\"7d\"}";
		this.client.get()
			.uri("/api/products/p1")
			.header("X-Frontline-Invocation-Type", "async")
			.header(POLICY_HEADER, spoofedPolicy)
			.header("X-Frontline-Route", "admin")
			.exchange()
			.expectStatus()
			.isAccepted();
		Received async = runtime.lastReceived();
		assertThat(async.headers().getAll(POLICY_HEADER)).singleElement()
			.satisfies((policy) -> assertThat(ConfigJson.mapper().readValue(policy, AsyncPolicy.class))
				.isEqualTo(AsyncPolicy.defaults()));
		assertThat(async.headers().getAll("X-Frontline-Route")).containsExactly("product");
		this.client.get()
			.uri("/api/products/p1")
			.header(POLICY_HEADER, spoofedPolicy)
			.header("X-Frontline-Route", "admin")
			.exchange()
			.expectStatus()
			.isOk();
		Received sync = runtime.lastReceived();
		assertThat(sync.header(POLICY_HEADER)).isNull();
		assertThat(sync.headers().getAll("X-Frontline-Route")).containsExactly("product");
	}

	@Test
	void sendsAnAsyncRequestToTheSideOfTheCanaryItIsOn() {
		apply(reportRoute().withCanary(CanaryTarget.of(Target.of(canaryRuntime.uri(), "buildReport|render"), 100)));
		this.client.post()
			.uri("/api/reports")
			.header("Authorization", "Bearer " + token("alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectHeader()
			.valueMatches("Location", "/invocations/report/[0-9a-f-]{36}");
		assertThat(canaryRuntime.lastReceived().path()).isEqualTo("/async/buildReport,render");
		assertThat(runtime.calls()).isZero();
	}

	@Test
	void forwardsAStatusRequestToTheStableTargetWithThePassportOfTheCaller() {
		apply(reportRoute().withCanary(CanaryTarget.of(Target.of(canaryRuntime.uri(), "buildReport|render"), 100)));
		String id = UUID.randomUUID().toString();
		this.client.get()
			.uri("/invocations/report/" + id)
			.header("Authorization", "Bearer " + token("alice"))
			.header("X-Frontline-Route", "admin")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"id\":\"" + id + "\",\"status\":\"succeeded\"}", true);
		Received received = runtime.lastReceived();
		assertThat(received.method()).isEqualTo("GET");
		assertThat(received.path()).isEqualTo("/async/invocations/" + id);
		assertThat(received.headers().getAll("X-Frontline-Route")).containsExactly("report");
		assertThat(passportSubject(received)).isEqualTo("alice");
		assertThat(canaryRuntime.calls()).isZero();
	}

	@Test
	void forwardsTheCancellationOfAnInvocation() {
		String id = UUID.randomUUID().toString();
		this.client.delete()
			.uri("/invocations/report/" + id)
			.header("Authorization", "Bearer " + token("bob"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("cancelled");
		Received received = runtime.lastReceived();
		assertThat(received.method()).isEqualTo("DELETE");
		assertThat(received.path()).isEqualTo("/async/invocations/" + id);
		assertThat(passportSubject(received)).isEqualTo("bob");
	}

	@Test
	void refusesAStatusRequestWithoutCredentialsOnAnAuthenticatedRoute() {
		this.client.get()
			.uri("/invocations/report/" + UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:credentials-missing");
		assertThat(runtime.calls()).isZero();
	}

	@Test
	void refusesAStatusRequestOfACallerWithoutTheScopesOfTheRoute() {
		apply(reportRoute()
			.withAuth(new AuthPolicy(AuthPolicy.Mode.SCOPES, List.of("reports:read"), null, false, false)));
		this.client.get()
			.uri("/invocations/report/" + UUID.randomUUID())
			.header("Authorization", "Bearer " + token("alice"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:insufficient-scope");
		assertThat(runtime.calls()).isZero();
	}

	@Test
	void answersAStatusRequestForARouteThatDoesNotExistWithARouteNotFoundProblem() {
		this.client.get()
			.uri("/invocations/reports/" + UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:route-not-found")
			.jsonPath("$.detail")
			.isEqualTo("No route 'reports' has invocations");
		assertThat(runtime.calls()).isZero();
	}

	@Test
	void answersAStatusRequestWhoseIdIsNoUuidWithAnInvocationNotFoundProblem() {
		this.client.get()
			.uri("/invocations/report/42")
			.header("Authorization", "Bearer " + token("alice"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:invocation-not-found");
		assertThat(runtime.calls()).isZero();
	}

	@Test
	void answersStatusRequestsByTheRoutesOfTheSnapshotHeldNow() {
		String id = UUID.randomUUID().toString();
		this.client.get().uri("/invocations/product/" + id).exchange().expectStatus().isOk();
		apply(reportRoute());
		this.client.get().uri("/invocations/product/" + id).exchange().expectStatus().isNotFound();
		assertThat(runtime.calls()).isOne();
	}

	@Test
	void doesNotSendAnAsyncRequestAgainOnceTheRuntimeAnsweredIt() {
		apply(withRetry(route("flaky", "/api/flaky", Target.of(runtime.uri(), "flaky")), 2));
		runtime.answerUnavailable(1);
		this.client.get()
			.uri("/api/flaky")
			.header("X-Frontline-Invocation-Type", "async")
			.exchange()
			.expectStatus()
			.isEqualTo(503);
		assertThat(runtime.calls()).isOne();
		runtime.reset();
		runtime.answerUnavailable(1);
		this.client.get().uri("/api/flaky").exchange().expectStatus().isOk();
		assertThat(runtime.calls()).as("a sync request is retried").isEqualTo(2);
	}

	@Test
	void sendsAnAsyncRequestToTheNextInstanceWhenItCouldNotConnect() {
		RouteRule rule = route("upload", "/api/uploads", new Target(List.of(ClosedPort.uri(), runtime.uri()), "upload"))
			.withAsync(new AsyncPolicy(true, null, null, null, null, null));
		apply(withRetry(rule, 1));
		// The instances take turns, so one of the two starts on the one that is down.
		for (String name : List.of("a.png", "b.png")) {
			this.client.post()
				.uri("/api/uploads")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"name\":\"" + name + "\"}")
				.exchange()
				.expectStatus()
				.isAccepted();
		}
		assertThat(runtime.received()).extracting(Received::path).containsOnly("/async/upload");
		assertThat(runtime.received()).extracting(Received::body)
			.containsExactly("{\"name\":\"a.png\"}", "{\"name\":\"b.png\"}");
	}

	@Test
	void countsAcceptedRequestsAsAnsweredRequestsOfTheirRouteButNotStatusRequestsAsCanaryTraffic() {
		this.stats.drain();
		Timer before = acceptedReports();
		long accepted = (before != null) ? before.count() : 0;
		this.client.post()
			.uri("/api/reports")
			.header("Authorization", "Bearer " + token("alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isAccepted();
		this.client.get()
			.uri("/invocations/report/" + UUID.randomUUID())
			.header("Authorization", "Bearer " + token("alice"))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(acceptedReports().count()).isEqualTo(accepted + 1);
		assertThat(this.meters.find("frontline.gateway.requests")
			.tags("route", "report", "variant", "stable", "method", "GET", "status", "2xx")
			.timer()).as("the status request, under the route it asked about").isNotNull();
		List<RouteStats> drained = this.stats.drain();
		assertThat(drained).singleElement().satisfies((stats) -> {
			assertThat(stats.route()).isEqualTo("report");
			assertThat(stats.status2xx()).isOne();
		});
	}

	@Test
	void letsTheOriginsOfTheRoutesCorsPolicyAskForTheStatusOfItsInvocations() {
		apply(reportRoute().withCors(new CorsPolicy(List.of(SHOP), null, null, null, false, null)));
		this.client.options()
			.uri("/invocations/report/" + UUID.randomUUID())
			.header("Origin", SHOP)
			.header("Access-Control-Request-Method", "DELETE")
			.header("Access-Control-Request-Headers", "authorization")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", SHOP)
			.expectHeader()
			.valueEquals("Access-Control-Allow-Methods", "GET,DELETE");
		this.client.get()
			.uri("/invocations/report/" + UUID.randomUUID())
			.header("Origin", SHOP)
			.header("Authorization", "Bearer " + token("alice"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", SHOP);
	}

	private Timer acceptedReports() {
		return this.meters.find("frontline.gateway.requests")
			.tags("route", "report", "variant", "stable", "method", "POST", "status", "2xx", "outcome", "success")
			.timer();
	}

	private void apply(RouteRule... rules) {
		this.routes.apply(ConfigSnapshot.of(++this.version, Instant.now(), "test", List.of(rules)));
	}

	private static RouteRule reportRoute() {
		return new RouteRule("report", null, RouteMatch.of("/api/reports", "POST"), 0, AuthPolicy.authenticated(), null,
				null, null, Target.of(runtime.uri(), "buildReport|render"), null)
			.withAsync(REPORT_POLICY);
	}

	private static RouteRule productRoute() {
		return route("product", "/api/products/{id}", Target.of(runtime.uri(), "product"));
	}

	private static RouteRule route(String id, String path, Target target) {
		return new RouteRule(id, null, RouteMatch.of(path), 0, AuthPolicy.publicAccess(), null, null, null, target,
				null);
	}

	private static RouteRule withRetry(RouteRule rule, int attempts) {
		return new RouteRule(rule.id(), null, rule.match(), rule.order(), rule.auth(), null, rule.timeout(),
				new RetryPolicy(attempts, Duration.ofMillis(10)), rule.stable(), null, null, rule.async());
	}

	private static String token(String subject) {
		return Tokens.hs256((claims) -> claims.subject(subject));
	}

	private static String passportSubject(Received received) {
		String passport = received.header("X-Frontline-Passport");
		assertThat(passport).as("passport").isNotNull();
		try {
			return Passports.verified(passport).getJWTClaimsSet().getSubject();
		}
		catch (ParseException ex) {
			throw new AssertionError("The passport has no claims: " + passport, ex);
		}
	}

}
