package dev.frontline.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DemoBackendsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static DemoBackends backends;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@BeforeAll
	static void start() {
		backends = DemoBackends.start();
	}

	@AfterAll
	static void stop() {
		backends.close();
	}

	@AfterEach
	void clearFaults() {
		backends.all().forEach((backend) -> backend.faults().reset());
	}

	@Test
	void listensOnThreeDistinctPorts() {
		assertThat(backends.all()).extracting(RunningBackend::port)
			.doesNotHaveDuplicates()
			.allMatch((port) -> port > 0);
		assertThat(backends.profile().baseUrl()).isEqualTo("http://localhost:" + backends.profile().port());
	}

	@Test
	void answersAUserProfile() throws Exception {
		HttpResponse<String> response = get(backends.profile(), "/users/alice");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(JSON.readTree(response.body()))
			.isEqualTo(JSON.readTree("{\"id\":\"alice\",\"name\":\"Alice\",\"tier\":\"gold\"}"));
	}

	@Test
	void answersNotFoundForTheMissingUser() throws Exception {
		HttpResponse<String> response = get(backends.profile(), "/users/missing");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JSON.readTree(response.body()).get("type").asString())
			.isEqualTo("urn:frontline:problem:user-not-found");
	}

	@Test
	void answersProductsAndNotFoundForUnknownOnes() throws Exception {
		JsonNode product = JSON.readTree(get(backends.catalog(), "/products/p1").body());
		assertThat(product.get("id").asString()).isEqualTo("p1");
		assertThat(product.get("price").asDouble()).isPositive();
		assertThat(get(backends.catalog(), "/products/p99").statusCode()).isEqualTo(404);
	}

	@Test
	void recommendsFiveProductsUnlessToldOtherwise() throws Exception {
		JsonNode five = JSON.readTree(get(backends.catalog(), "/recommendations?user=alice").body());
		assertThat(five.get("items")).hasSize(5);
		JsonNode three = JSON.readTree(get(backends.catalog(), "/recommendations?user=alice&limit=3").body());
		assertThat(three.get("items")).hasSize(3);
		assertThat(three.get("items").get(0)).isEqualTo(five.get("items").get(0));
		assertThat(get(backends.catalog(), "/recommendations?user=alice&limit=99").statusCode()).isEqualTo(400);
		assertThat(get(backends.catalog(), "/recommendations").statusCode()).isEqualTo(400);
	}

	@Test
	void answersTheSameCartEveryTime() throws Exception {
		HttpResponse<String> first = get(backends.cart(), "/carts/alice");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(first.body()).get("user").asString()).isEqualTo("alice");
		assertThat(get(backends.cart(), "/carts/alice").body()).isEqualTo(first.body());
	}

	@Test
	void answersHealth() throws Exception {
		HttpResponse<String> response = get(backends.cart(), "/health");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).get("status").asString()).isEqualTo("UP");
	}

	@Test
	void answersNotFoundForUnknownPaths() throws Exception {
		assertThat(get(backends.cart(), "/nothing/here").statusCode()).isEqualTo(404);
	}

	@Test
	void failsEveryAnswerWithTheInjectedStatus() throws Exception {
		HttpResponse<String> put = put(backends.catalog(), "{\"failureRate\":1.0,\"status\":500}");
		assertThat(put.statusCode()).isEqualTo(200);
		assertThat(get(backends.catalog(), "/products/p1").statusCode()).isEqualTo(500);
		assertThat(get(backends.catalog(), "/health").statusCode()).isEqualTo(200);
		assertThat(get(backends.profile(), "/users/alice").statusCode()).isEqualTo(200);
	}

	@Test
	void slowsAnswersByTheInjectedLatency() throws Exception {
		put(backends.profile(), "{\"latencyMs\":300}");
		long started = System.nanoTime();
		HttpResponse<String> response = get(backends.profile(), "/users/alice");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void showsAndClearsFaults() throws Exception {
		put(backends.cart(), "{\"status\":502}");
		JsonNode shown = JSON.readTree(get(backends.cart(), "/__faults").body());
		assertThat(shown.get("status").asInt()).isEqualTo(502);
		assertThat(shown.get("failureRate").asDouble()).isEqualTo(1.0);
		HttpResponse<String> delete = this.http.send(request(backends.cart(), "/__faults").DELETE().build(),
				BodyHandlers.ofString());
		assertThat(delete.statusCode()).isEqualTo(204);
		assertThat(get(backends.cart(), "/carts/alice").statusCode()).isEqualTo(200);
		assertThat(backends.cart().faults().current()).isEqualTo(FaultSettings.NONE);
	}

	@Test
	void failsOnlyTheCanaryRuntimesRequestsWhileFailCanaryIsOn() throws Exception {
		HttpResponse<String> put = put(backends.profile(), "{\"failCanary\":true}");
		assertThat(put.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(put.body()).get("failCanary").asBoolean()).isTrue();
		HttpResponse<String> canary = get(backends.profile(), "/users/alice", "canary");
		assertThat(canary.statusCode()).isEqualTo(500);
		assertThat(canary.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JSON.readTree(canary.body()).get("type").asString())
			.isEqualTo("urn:frontline:problem:injected-fault");
		assertThat(get(backends.profile(), "/users/alice", "stable").statusCode()).isEqualTo(200);
		assertThat(get(backends.profile(), "/users/alice").statusCode()).isEqualTo(200);
		assertThat(get(backends.profile(), "/health", "canary").statusCode()).isEqualTo(200);
		assertThat(get(backends.catalog(), "/products/p1", "canary").statusCode()).isEqualTo(200);
		put(backends.profile(), "{\"failCanary\":false}");
		assertThat(get(backends.profile(), "/users/alice", "canary").statusCode()).isEqualTo(200);
	}

	@Test
	void showsWhetherTheCanaryFails() throws Exception {
		assertThat(JSON.readTree(get(backends.cart(), "/__faults").body()).get("failCanary").asBoolean()).isFalse();
		put(backends.cart(), "{\"failCanary\":true}");
		assertThat(JSON.readTree(get(backends.cart(), "/__faults").body()).get("failCanary").asBoolean()).isTrue();
	}

	@Test
	void refusesInvalidFaultSettings() throws Exception {
		assertThat(put(backends.cart(), "{\"failureRate\":2}").statusCode()).isEqualTo(400);
		assertThat(put(backends.cart(), "{\"latency\":100}").statusCode()).isEqualTo(400);
		assertThat(put(backends.cart(), "not json").statusCode()).isEqualTo(400);
		assertThat(put(backends.cart(), "{\"failCanary\":\"sometimes\"}").statusCode()).isEqualTo(400);
		assertThat(backends.cart().faults().current()).isEqualTo(FaultSettings.NONE);
	}

	private HttpResponse<String> get(RunningBackend backend, String path) throws Exception {
		return this.http.send(request(backend, path).GET().build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> get(RunningBackend backend, String path, String variant) throws Exception {
		return this.http.send(request(backend, path).header(FaultSettings.VARIANT_HEADER, variant).GET().build(),
				BodyHandlers.ofString());
	}

	private HttpResponse<String> put(RunningBackend backend, String json) throws Exception {
		return this.http.send(request(backend, "/__faults").header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString(json))
			.build(), BodyHandlers.ofString());
	}

	private static HttpRequest.Builder request(RunningBackend backend, String path) {
		return HttpRequest.newBuilder(URI.create(backend.baseUrl() + path)).timeout(Duration.ofSeconds(5));
	}

}
