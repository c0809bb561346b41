package dev.frontline.admin.watch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.frontline.admin.AdminConsoleApplication;
import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.admin.snapshot.SnapshotPublisher;
import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watch over real HTTP, as a gateway uses it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=" + ConfigWatchIntegrationTests.DATABASE,
				"frontline.admin.watch.keep-alive=200ms", "frontline.admin.watch.poll-interval=300ms" })
class ConfigWatchIntegrationTests {

	static final String DATABASE = "jdbc:h2:mem:watch-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";

	private static final Map<String, String> TOKEN = Map.of("Authorization", "Bearer local-dev-token");

	private static final Duration SOON = Duration.ofSeconds(1);

	private static HttpClient http;

	@LocalServerPort
	private int port;

	@Autowired
	private ConfigVersions versions;

	@Autowired
	private SnapshotPublisher publisher;

	@BeforeAll
	static void client() {
		http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	}

	@Test
	void sendsTheCurrentSnapshotAtOnce() throws Exception {
		ConfigSnapshot current = this.versions.current();
		try (SseClient watch = watch("")) {
			assertThat(watch.status()).isEqualTo(200);
			SseClient.Event event = watch.next(SOON);
			assertThat(event).isNotNull();
			assertThat(event.name()).isEqualTo("snapshot");
			assertThat(event.id()).isEqualTo(String.valueOf(current.version()));
			assertThat(ConfigJson.readSnapshot(event.data())).isEqualTo(current);
		}
	}

	@Test
	void sendsEachPublishedSnapshotWithinASecond() throws Exception {
		try (SseClient watch = watch("")) {
			assertThat(watch.next(SOON)).isNotNull();
			ConfigSnapshot published = add("watched-" + System.nanoTime());
			SseClient.Event event = watch.next(SOON);
			assertThat(event).isNotNull();
			assertThat(event.id()).isEqualTo(String.valueOf(published.version()));
			assertThat(ConfigJson.readSnapshot(event.data()).hash()).isEqualTo(published.hash());
		}
	}

	@Test
	void resumesAfterTheVersionTheClientHolds() throws Exception {
		long held = this.versions.headVersion();
		try (SseClient watch = watch("?since=" + held)) {
			assertThat(watch.next(Duration.ofMillis(600))).isNull();
			// Idle, but alive.
			assertThat(watch.comments()).isPositive();
			ConfigSnapshot published = add("resumed-" + System.nanoTime());
			assertThat(watch.next(SOON).id()).isEqualTo(String.valueOf(published.version()));
		}
	}

	@Test
	void resumesAfterTheLastEventId() throws Exception {
		long held = this.versions.headVersion();
		try (SseClient watch = watch("", Map.of("Last-Event-ID", String.valueOf(held)))) {
			assertThat(watch.next(Duration.ofMillis(500))).isNull();
		}
		try (SseClient watch = watch("", Map.of("Last-Event-ID", String.valueOf(held - 1)))) {
			assertThat(watch.next(SOON).id()).isEqualTo(String.valueOf(held));
		}
	}

	@Test
	void refusesAClientWithoutTheToken() throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(uri("")).header("Accept", "text/event-stream").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("urn:frontline:problem:unauthorized");
	}

	@Test
	void sendsSnapshotsPublishedByAnotherInstanceOnTheSameStore() throws Exception {
		try (SseClient watch = watch("");
				ConfigurableApplicationContext other = new SpringApplicationBuilder(AdminConsoleApplication.class)
					.web(WebApplicationType.NONE)
					.run("--spring.datasource.url=" + DATABASE, "--frontline.admin.seed.enabled=false")) {
			assertThat(watch.next(SOON)).isNotNull();
			ConfigSnapshot published = add(other.getBean(SnapshotPublisher.class), "elsewhere-" + System.nanoTime());
			SseClient.Event event = watch.next(Duration.ofSeconds(3));
			assertThat(event).isNotNull();
			assertThat(event.id()).isEqualTo(String.valueOf(published.version()));
		}
	}

	@Test
	void endsOpenWatchesWhenTheConsoleStops() throws Exception {
		ConfigurableApplicationContext stopping = new SpringApplicationBuilder(AdminConsoleApplication.class).run(
				"--server.port=0", "--management.server.port=0",
				"--spring.datasource.url=" + DATABASE.replace("watch-tests", "stopping"));
		int stoppingPort = Integer.parseInt(stopping.getEnvironment().getProperty("local.server.port"));
		try (SseClient watch = SseClient.open(http,
				URI.create("http://127.0.0.1:" + stoppingPort + "/api/v1/config/watch"), TOKEN)) {
			assertThat(watch.next(SOON)).isNotNull();
			long started = System.nanoTime();
			stopping.close();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			await().atMost(Duration.ofSeconds(2)).until(watch::ended);
		}
	}

	private SseClient watch(String query) throws Exception {
		return watch(query, Map.of());
	}

	private SseClient watch(String query, Map<String, String> headers) throws Exception {
		Map<String, String> all = new HashMap<>(TOKEN);
		all.putAll(headers);
		return SseClient.open(http, uri(query), all);
	}

	private URI uri(String query) {
		return URI.create("http://127.0.0.1:" + this.port + "/api/v1/config/watch" + query);
	}

	private ConfigSnapshot add(String id) {
		return add(this.publisher, id);
	}

	private static ConfigSnapshot add(SnapshotPublisher publisher, String id) {
		RouteRule route = RouteRule.of(id, RouteMatch.of("/api/" + id, "GET"),
				Target.of("http://localhost:8090", "product"));
		return publisher.publish("tester", "add " + id, (current) -> {
			List<RouteRule> routes = new ArrayList<>(current.routes());
			routes.add(route);
			return routes;
		}).orElseThrow();
	}

}
