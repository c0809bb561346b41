package dev.frontline.gateway.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.CanaryTarget;
import dev.frontline.contract.CanaryTarget.StickyKey;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RateLimitPolicy;
import dev.frontline.contract.RateLimitPolicy.KeyType;
import dev.frontline.contract.RetryPolicy;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.gateway.testing.AbstractGatewayIntegrationTests;
import dev.frontline.gateway.testing.ClosedPort;
import dev.frontline.gateway.testing.FunctionRuntimeStub;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on a port, with routes to a stub function runtime that answers, fails, lags
 * or is not there, and its metrics read from its registry and its Prometheus scrape.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "frontline.gateway.id=metrics-test" })
class RequestMetricsIntegrationTests extends AbstractGatewayIntegrationTests {

	@AutoClose
	static FunctionRuntimeStub runtime = FunctionRuntimeStub.start("runtime");

	@Autowired
	MeterRegistry meters;

	@LocalManagementPort
	int managementPort;

	long version;

	@BeforeEach
	void routes() {
		runtime.reset();
		Target echo = Target.of(runtime.uri(), "echo");
		this.routes.apply(ConfigSnapshot.of(++this.version, Instant.now(), "test", List.of(
				new RouteRule("shop", null, RouteMatch.of("/api/shop"), 0, AuthPolicy.publicAccess(), null, null, null,
						echo, new CanaryTarget(echo, 0, StickyKey.USER, true, true)),
				RouteRule.of("account", RouteMatch.of("/api/account", "GET"), echo)
					.withAuth(AuthPolicy.authenticated()),
				new RouteRule("limited", null, RouteMatch.of("/api/limited", "GET"), 0, AuthPolicy.publicAccess(),
						new RateLimitPolicy(KeyType.CLIENT_IP, null, 1, Duration.ofMinutes(1), 1), null, null, echo,
						null),
				publicRoute("down", "/api/down", Target.of(ClosedPort.uri(), "echo"), null, null),
				publicRoute("lagging", "/api/lagging", Target.of(runtime.uri(), "slow"), null, null),
				publicRoute("impatient", "/api/impatient", Target.of(runtime.uri(), "slow"), Duration.ofMillis(300),
						null),
				publicRoute("missing", "/api/missing", Target.of(runtime.uri(), "missing"), null, null),
				publicRoute("flaky", "/api/flaky", Target.of(runtime.uri(), "flaky"), null, null),
				publicRoute("retried", "/api/retried", Target.of(runtime.uri(), "flaky"), null,
						new RetryPolicy(2, Duration.ofMillis(10))))));
	}

	@Test
	void recordsEachAnswerOnceByRouteVariantMethodStatusAndOutcome() {
		this.client.get().uri("/api/shop").header("X-Frontline-Canary", "always").exchange().expectStatus().isOk();
		this.client.post().uri("/api/shop").header("X-Frontline-Canary", "never").exchange().expectStatus().isOk();
		this.client.post().uri("/api/shop").header("X-Frontline-Canary", "never").exchange().expectStatus().isOk();
		assertThat(count("shop", "canary", "GET", "2xx", "success")).isEqualTo(1);
		assertThat(count("shop", "stable", "POST", "2xx", "success")).isEqualTo(2);
		assertThat(timers(RequestMetrics.REQUESTS, "shop")).hasSize(2);
		assertThat(upstream("shop", "canary", "success").count()).isEqualTo(1);
		assertThat(upstream("shop", "stable", "success").count()).isEqualTo(2);
		assertThat(internal("shop").count()).isEqualTo(3);
	}

	@Test
	void countsTheGatewaysOwnRefusalsAsRejectedAndForwardsNothingForThem() {
		this.client.get().uri("/api/account").exchange().expectStatus().isUnauthorized();
		this.client.get().uri("/api/limited").exchange().expectStatus().isOk();
		this.client.get().uri("/api/limited").exchange().expectStatus().isEqualTo(429);
		assertThat(count("account", "stable", "GET", "4xx", "rejected")).isEqualTo(1);
		assertThat(count("limited", "stable", "GET", "4xx", "rejected")).isEqualTo(1);
		assertThat(count("limited", "stable", "GET", "2xx", "success")).isEqualTo(1);
		assertThat(timers(RequestMetrics.UPSTREAM, "account")).isEmpty();
		assertThat(upstream("limited", "stable", "success").count()).isEqualTo(1);
		assertThat(internal("account").count()).isEqualTo(1);
	}

	@Test
	void tellsATargetThatCannotBeReachedFromOneThatDoesNotAnswerInTime() {
		this.client.get().uri("/api/down").exchange().expectStatus().isEqualTo(502);
		this.client.get().uri("/api/impatient").exchange().expectStatus().isEqualTo(504);
		assertThat(count("down", "stable", "GET", "5xx", "upstream_error")).isEqualTo(1);
		assertThat(upstream("down", "stable", "upstream_error").count()).isEqualTo(1);
		assertThat(count("impatient", "stable", "GET", "5xx", "timeout")).isEqualTo(1);
		Timer waited = upstream("impatient", "stable", "timeout");
		assertThat(waited.count()).isEqualTo(1);
		assertThat(waited.totalTime(TimeUnit.MILLISECONDS)).isBetween(290.0, 2000.0);
	}

	@Test
	void countsTheErrorsOfTheTargetAsItsOwn() {
		runtime.answerUnavailable(1);
		this.client.get().uri("/api/flaky").exchange().expectStatus().isEqualTo(503);
		this.client.get().uri("/api/missing").exchange().expectStatus().isNotFound();
		assertThat(count("flaky", "stable", "GET", "5xx", "server_error")).isEqualTo(1);
		assertThat(upstream("flaky", "stable", "server_error").count()).isEqualTo(1);
		assertThat(count("missing", "stable", "GET", "4xx", "client_error")).isEqualTo(1);
		assertThat(upstream("missing", "stable", "client_error").count()).isEqualTo(1);
	}

	@Test
	void recordsARetriedRequestOnceWithTheWaitOfEveryAttempt() {
		runtime.answerUnavailable(2);
		this.client.get().uri("/api/retried").exchange().expectStatus().isOk();
		assertThat(runtime.calls()).isEqualTo(3);
		assertThat(count("retried", "stable", "GET", "2xx", "success")).isEqualTo(1);
		assertThat(upstream("retried", "stable", "success").count()).isEqualTo(1);
		assertThat(timers(RequestMetrics.UPSTREAM, "retried")).hasSize(1);
	}

	@Test
	void separatesTheWaitOnASlowTargetFromTheGatewaysOwnTime() {
		this.client.get().uri("/api/lagging").exchange().expectStatus().isOk();
		Timer total = timer(RequestMetrics.REQUESTS, "lagging");
		Timer upstream = upstream("lagging", "stable", "success");
		Timer internal = internal("lagging");
		long delay = FunctionRuntimeStub.SLOW.toMillis();
		assertThat(upstream.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(delay);
		assertThat(total.totalTime(TimeUnit.MILLISECONDS))
			.isGreaterThanOrEqualTo(upstream.totalTime(TimeUnit.MILLISECONDS));
		assertThat(internal.totalTime(TimeUnit.MILLISECONDS)).isLessThan(delay / 10.0);
		assertThat(internal.totalTime(TimeUnit.NANOSECONDS))
			.isEqualTo(total.totalTime(TimeUnit.NANOSECONDS) - upstream.totalTime(TimeUnit.NANOSECONDS));
	}

	@Test
	void recordsRequestsThatMatchNoRouteUnderNoneAndUnusualMethodsAsOther() {
		double before = count("none", "none", "OTHER", "4xx", "client_error");
		// Refused by the firewall before any route is matched.
		this.client.method(HttpMethod.valueOf("PURGE")).uri("/api/nowhere").exchange().expectStatus().isEqualTo(405);
		assertThat(count("none", "none", "OTHER", "4xx", "client_error")).isEqualTo(before + 1);
	}

	@Test
	void publishesTheTimersAsPrometheusHistogramsWithFixedBuckets() {
		this.client.get().uri("/api/shop").exchange().expectStatus().isOk();
		String scrape = management().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String series = "{method=\"GET\",outcome=\"success\",route=\"shop\",status=\"2xx\",variant=\"stable\"";
		for (String bound : List.of("0.001", "0.002", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0",
				"2.5", "5.0", "10.0", "+Inf")) {
			assertThat(scrape)
				.contains("frontline_gateway_requests_seconds_bucket" + series + ",le=\"" + bound + "\"} ");
		}
		assertThat(scrape).contains("frontline_gateway_requests_seconds_count" + series + "} ")
			.contains("frontline_gateway_requests_seconds_sum" + series + "} ")
			.contains(
					"frontline_gateway_upstream_seconds_bucket{outcome=\"success\",route=\"shop\",variant=\"stable\",le=\"0.25\"} ")
			.contains("frontline_gateway_internal_seconds_bucket{route=\"shop\",le=\"1.0E-4\"} ")
			.contains("frontline_gateway_internal_seconds_bucket{route=\"shop\",le=\"1.0\"} ");
		assertThat(scrape).doesNotContain("spring_cloud_gateway_requests");
	}

	@Test
	void keepsTheActuatorOffThePublicPort() {
		for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness")) {
			this.client.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:frontline:problem:route-not-found");
		}
		management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		// Down, yet there: the tests apply snapshots to the routes, not through the
		// config
		// sync that readiness waits for.
		management().get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DOWN");
	}

	private double count(String route, String variant, String method, String status, String outcome) {
		@Nullable Timer timer = this.meters.find(RequestMetrics.REQUESTS)
			.tags("route", route, "variant", variant, "method", method, "status", status, "outcome", outcome)
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private Timer timer(String name, String route) {
		List<Timer> timers = timers(name, route);
		assertThat(timers).as(name + " of route " + route).hasSize(1);
		return timers.get(0);
	}

	private List<Timer> timers(String name, String route) {
		return List.copyOf(this.meters.find(name).tag("route", route).timers());
	}

	private Timer upstream(String route, String variant, String outcome) {
		return this.meters.get(RequestMetrics.UPSTREAM)
			.tags("route", route, "variant", variant, "outcome", outcome)
			.timer();
	}

	private Timer internal(String route) {
		return this.meters.get(RequestMetrics.INTERNAL).tag("route", route).timer();
	}

	private WebTestClient management() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.managementPort).build();
	}

	private static RouteRule publicRoute(String id, String path, Target target, @Nullable Duration timeout,
			@Nullable RetryPolicy retry) {
		return new RouteRule(id, null, RouteMatch.of(path, "GET"), 0, AuthPolicy.publicAccess(), null, timeout, retry,
				target, null);
	}

}
