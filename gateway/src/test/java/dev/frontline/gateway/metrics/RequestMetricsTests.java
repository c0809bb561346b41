package dev.frontline.gateway.metrics;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.frontline.contract.Variant;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class RequestMetricsTests {

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final RequestMetrics metrics = new RequestMetrics(this.meters);

	private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api"));

	@Test
	void splitsTheTimeOfAForwardedRequestIntoUpstreamAndInternal() {
		this.metrics.answered(this.exchange, new AnsweredRequest(Instant.now(), HttpMethod.GET, "home", Variant.CANARY,
				200, Outcome.SUCCESS, 50_000_000, 45_000_000, Outcome.SUCCESS));
		assertThat(timer(RequestMetrics.REQUESTS, "route", "home", "variant", "canary", "method", "GET", "status",
				"2xx", "outcome", "success")
			.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(50);
		assertThat(timer(RequestMetrics.UPSTREAM, "route", "home", "variant", "canary", "outcome", "success")
			.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(45);
		assertThat(timer(RequestMetrics.INTERNAL, "route", "home").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5);
	}

	@Test
	void recordsNoUpstreamTimeForARequestThatWasNotForwarded() {
		this.metrics.answered(this.exchange, new AnsweredRequest(Instant.now(), HttpMethod.GET, "home", Variant.STABLE,
				401, Outcome.REJECTED, 2_000_000, 0, null));
		assertThat(this.meters.find(RequestMetrics.UPSTREAM).timers()).isEmpty();
		assertThat(timer(RequestMetrics.INTERNAL, "route", "home").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2);
	}

	@Test
	void tagsRequestsWithoutARouteAsNoneAndUnusualMethodsAsOther() {
		this.metrics.answered(this.exchange, new AnsweredRequest(Instant.now(), HttpMethod.valueOf("PROPFIND"), null,
				null, 404, Outcome.CLIENT_ERROR, 1_000_000, 0, null));
		assertThat(timer(RequestMetrics.REQUESTS, "route", "none", "variant", "none", "method", "OTHER", "status",
				"4xx", "outcome", "client_error")
			.count()).isEqualTo(1);
	}

	@Test
	void namesTheStatusByItsClass() {
		assertThat(RequestMetrics.statusClass(101)).isEqualTo("1xx");
		assertThat(RequestMetrics.statusClass(204)).isEqualTo("2xx");
		assertThat(RequestMetrics.statusClass(308)).isEqualTo("3xx");
		assertThat(RequestMetrics.statusClass(499)).isEqualTo("4xx");
		assertThat(RequestMetrics.statusClass(599)).isEqualTo("5xx");
	}

	private Timer timer(String name, String... tags) {
		return this.meters.get(name).tags(tags).timer();
	}

}
