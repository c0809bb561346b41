package dev.frontline.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each backend shows at {@code /actuator/prometheus} on its own port. The backends
 * are started for this class alone, so that their counts are this class's requests.
 */
class DemoMetricsIntegrationTests {

	private static DemoBackends backends;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@BeforeAll
	static void start() {
		backends = DemoBackends.start(DemoBackends.Options.defaults().withLatency(Duration.ZERO, Duration.ZERO));
	}

	@AfterAll
	static void stop() {
		backends.close();
	}

	@Test
	void timesEachStorefrontAnswerOnTheBackendsOwnPort() throws Exception {
		assertThat(get(backends.catalog(), "/products/p1").statusCode()).isEqualTo(200);
		assertThat(get(backends.catalog(), "/products/p1").statusCode()).isEqualTo(200);
		assertThat(get(backends.catalog(), "/products/p99").statusCode()).isEqualTo(404);
		HttpResponse<String> scrape = get(backends.catalog(), "/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
		assertThat(scrape.body())
			.contains("frontline_demo_requests_seconds_count{backend=\"catalog\",status=\"2xx\"} 2")
			.contains("frontline_demo_requests_seconds_count{backend=\"catalog\",status=\"4xx\"} 1")
			.contains("frontline_demo_requests_seconds_bucket{backend=\"catalog\",status=\"2xx\",le=\"+Inf\"} 2")
			.containsPattern(
					"frontline_demo_requests_seconds_bucket\\{backend=\"catalog\",status=\"2xx\",le=\"0.1\"} 2")
			.contains("jvm_memory_used_bytes{");
	}

	@Test
	void countsEachBackendsRequestsOnlyOnItsOwnPort() throws Exception {
		get(backends.cart(), "/carts/alice");
		String profile = get(backends.profile(), "/actuator/prometheus").body();
		assertThat(profile).doesNotContain("backend=\"cart\"").doesNotContain("backend=\"catalog\"");
		assertThat(get(backends.cart(), "/actuator/prometheus").body())
			.contains("frontline_demo_requests_seconds_count{backend=\"cart\",status=\"2xx\"} 1");
	}

	@Test
	void countsInjectedFailuresAsServerErrors() throws Exception {
		backends.profile().faults().set(FaultSettings.failing(503));
		try {
			assertThat(get(backends.profile(), "/users/alice").statusCode()).isEqualTo(503);
		}
		finally {
			backends.profile().faults().reset();
		}
		assertThat(get(backends.profile(), "/actuator/prometheus").body())
			.contains("frontline_demo_requests_seconds_count{backend=\"profile\",status=\"5xx\"} 1");
	}

	@Test
	void doesNotTimeHealthFaultsOrScrapes() throws Exception {
		List<String> before = requestCounts(get(backends.catalog(), "/actuator/prometheus").body());
		assertThat(get(backends.catalog(), "/health").statusCode()).isEqualTo(200);
		assertThat(get(backends.catalog(), "/__faults").statusCode()).isEqualTo(200);
		assertThat(requestCounts(get(backends.catalog(), "/actuator/prometheus").body())).isEqualTo(before);
	}

	private static List<String> requestCounts(String scrape) {
		return scrape.lines().filter((line) -> line.startsWith("frontline_demo_requests_seconds_count")).toList();
	}

	private HttpResponse<String> get(RunningBackend backend, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(backend.baseUrl() + path))
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build(), BodyHandlers.ofString());
	}

}
