package dev.frontline.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import com.jayway.jsonpath.JsonPath;
import dev.frontline.admin.fleet.RouteStatsReports;
import dev.frontline.admin.snapshot.ConfigVersion;
import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.admin.snapshot.InvalidSnapshot;
import dev.frontline.admin.snapshot.SnapshotPublisher;
import dev.frontline.contract.ApiKey;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.LatencyHistogram;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.RouteStats;
import dev.frontline.contract.Target;
import dev.frontline.contract.Variant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the console's store must do, whichever database holds it. Subclasses start the
 * console on a fresh, empty store with seeding off, the default control-plane token and
 * the local users.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class StoreBehaviour {

	@Autowired
	private ConfigVersions versions;

	@Autowired
	private SnapshotPublisher publisher;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private RouteStatsReports reports;

	@Test
	@Order(1)
	void seedsOnceWhenInstancesSeedTogether() throws Exception {
		assertThat(this.versions.headVersion()).isZero();
		List<RouteRule> seed = List.of(route("seeded"));
		List<Optional<ConfigSnapshot>> results = concurrently(6,
				() -> this.publisher.publish("system", "seed", (current) -> (current.version() == 0) ? seed : null));
		assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
		assertThat(this.versions.history(10)).extracting(ConfigVersion::summary).containsExactly("seed");
		assertThat(this.versions.current().routes()).isEqualTo(seed);
	}

	@Test
	@Order(2)
	void storesASnapshotAsPublished() {
		ConfigSnapshot published = add(route("stored"));
		assertThat(this.versions.find(published.version())).contains(published);
		assertThat(this.versions.current()).isEqualTo(published);
		assertThat(this.versions.headVersion()).isEqualTo(published.version());
		ConfigVersion entry = this.versions.history(1).get(0);
		assertThat(entry).isEqualTo(new ConfigVersion(published.version(), published.createdAt(), "tester",
				published.hash(), "add stored", published.routes().size()));
	}

	@Test
	@Order(3)
	void numbersConcurrentPublishesWithoutGapsOrDuplicates() throws Exception {
		long before = this.versions.headVersion();
		AtomicInteger ids = new AtomicInteger();
		List<Long> published = concurrently(8, () -> {
			List<Long> mine = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				mine.add(add(route("concurrent-" + ids.incrementAndGet())).version());
			}
			return mine;
		}).stream().flatMap(List::stream).toList();
		assertThat(published)
			.containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(before + 1, before + 40).boxed().toList());
		// Every change saw the one before it: no route was lost to a concurrent writer.
		assertThat(this.versions.current().routes()).filteredOn((route) -> route.id().startsWith("concurrent-"))
			.hasSize(40);
	}

	@Test
	@Order(4)
	void publishesNothingWhenTheResultIsInvalid() {
		long before = this.versions.headVersion();
		assertThatExceptionOfType(InvalidSnapshot.class).isThrownBy(() -> add(route("stored")))
			.satisfies((ex) -> assertThat(ex.getErrors()).isNotEmpty());
		assertThat(this.versions.headVersion()).isEqualTo(before);
	}

	@Test
	@Order(5)
	void listsHistoryNewestFirst() {
		ConfigSnapshot older = add(route("history-older"));
		ConfigSnapshot newer = add(route("history-newer"));
		assertThat(this.versions.history(2)).extracting(ConfigVersion::version)
			.containsExactly(newer.version(), older.version());
	}

	@Test
	@Order(6)
	void keepsTheLatestHeartbeatOfEachGateway() throws Exception {
		heartbeat("store-gw", 1, null);
		heartbeat("store-gw", this.versions.headVersion(), "something failed");
		this.mvc.perform(get("/api/v1/gateways").with(Logins.VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value("store-gw"))
			.andExpect(jsonPath("$[0].appliedVersion").value(this.versions.headVersion()))
			.andExpect(jsonPath("$[0].error").value("something failed"))
			.andExpect(jsonPath("$[0].inSync").value(true))
			.andExpect(jsonPath("$[0].startedAt").value("2026-11-21T10:00:00Z"));
	}

	@Test
	@Order(7)
	void keepsApiKeysAndPublishesTheActiveOnes() throws Exception {
		String issued = this.mvc
			.perform(post("/api/v1/api-keys").with(Logins.ADMIN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"client\": \"store-client\", \"scopes\": [\"catalog:read\", \"cart:write\"]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(issued, "$.id");
		ApiKey published = this.versions.current().apiKey(id).orElseThrow();
		assertThat(published.client()).isEqualTo("store-client");
		assertThat(published.scopes()).containsExactly("catalog:read", "cart:write");
		assertThat(published.matches(JsonPath.read(issued, "$.key"))).isTrue();
		this.mvc.perform(delete("/api/v1/api-keys/{id}", id).with(Logins.ADMIN)).andExpect(status().isNoContent());
		assertThat(this.versions.current().apiKey(id)).isEmpty();
		this.mvc.perform(get("/api/v1/api-keys").with(Logins.ADMIN))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].createdAt").value(published.createdAt().toString()))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].createdBy").value("admin"))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].revokedBy").value("admin"))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].scopes[1]").value("cart:write"));
	}

	@Test
	@Order(8)
	void keepsStatsReportsAndSumsThemOverAWindow() throws Exception {
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(10);
		this.reports.add("store-gw-1", start, List.of(stats("store-stats", Variant.CANARY, 10, 1, 40),
				stats("store-stats", Variant.STABLE, 90, 0, 40)));
		this.reports.add("store-gw-2", start.plusMillis(500), List.of(stats("store-stats", Variant.CANARY, 20, 2, 40)));
		this.reports.add("store-gw-2", start.plusSeconds(5), List.of(stats("store-stats", Variant.CANARY, 50, 50, 40)));
		RouteStats canary = this.reports.merged("store-stats", Variant.CANARY, start, start.plusSeconds(5));
		assertThat(canary.requests()).isEqualTo(30);
		assertThat(canary.status5xx()).isEqualTo(3);
		assertThat(canary.latency().total()).isEqualTo(30);
		assertThat(this.reports.merged("store-stats", Variant.STABLE, start, start.plusSeconds(5)).requests())
			.isEqualTo(90);
		heartbeat("store-gw-3", """
				{"appliedVersion": 1, "stats": [{"route": "store-stats", "variant": "stable", "status2xx": 4,
				 "latency": %s}]}""".formatted(LatencyHistogram.empty().plus(3).plus(3).plus(3).plus(3).counts()));
		this.mvc.perform(get("/api/v1/stats/routes?window=1m").with(Logins.VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.routes[?(@.route == 'store-stats')].requests").value(4 + 90 + 30 + 50));
	}

	@Test
	@Order(9)
	void keepsReleasesTheirEvaluationsAndTheAuditLog() throws Exception {
		add(route("store-released"));
		String started = this.mvc
			.perform(post("/api/v1/releases").with(Logins.OPERATOR).contentType(MediaType.APPLICATION_JSON).content("""
					{"routeId": "store-released", "canary": {"uris": ["http://localhost:8091"], "function": "product"},
					 "steps": [20, 50, 100], "interval": "1s", "analysis": {"minRequestsPerStep": 5}}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.weight").value(20))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(started, "$.id")).longValue();
		assertThat(this.versions.current().route("store-released").orElseThrow().canary().weight()).isEqualTo(20);
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			this.reports.add("store-gw-1", Instant.now(), List.of(stats("store-released", Variant.CANARY, 10, 0, 20),
					stats("store-released", Variant.STABLE, 40, 0, 20)));
			this.mvc.perform(get("/api/v1/releases/{id}", id).with(Logins.VIEWER))
				.andExpect(jsonPath("$.stepIndex").value(1))
				.andExpect(jsonPath("$.weight").value(50))
				.andExpect(jsonPath("$.evaluations[0].verdict").value("pass"))
				.andExpect(jsonPath("$.evaluations[0].checks[0].name").value("maxErrorRate"));
		});
		this.mvc.perform(post("/api/v1/releases/{id}/pause", id).with(Logins.OPERATOR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("paused"));
		this.mvc.perform(post("/api/v1/releases/{id}/promote", id).with(Logins.ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("promoted"));
		assertThat(this.versions.current().route("store-released").orElseThrow().stable().uris())
			.containsExactly("http://localhost:8091");
		this.mvc.perform(get("/api/v1/releases?routeId=store-released&state=promoted").with(Logins.VIEWER))
			.andExpect(jsonPath("$[0].id").value(id));
		this.mvc.perform(get("/api/v1/audit?target=release/" + id).with(Logins.VIEWER))
			.andExpect(jsonPath("$[0].action").value("release.promote"))
			.andExpect(jsonPath("$[0].actor").value("admin"))
			.andExpect(jsonPath("$[1].action").value("release.pause"))
			.andExpect(jsonPath("$[-1:].action").value("release.start"));
		this.mvc
			.perform(get("/api/v1/audit?actor=operator&action=release.start&from=" + Instant.now().minusSeconds(600)
					+ "&limit=1")
				.with(Logins.VIEWER))
			.andExpect(jsonPath("$[0].target").value("release/" + id));
	}

	private static RouteStats stats(String route, Variant variant, int requests, int errors, long latencyMs) {
		LatencyHistogram latency = LatencyHistogram.empty();
		for (int i = 0; i < requests; i++) {
			latency = latency.plus(latencyMs);
		}
		return new RouteStats(route, variant, requests - errors, 0, errors, latency);
	}

	private void heartbeat(String id, long version, String error) throws Exception {
		String body = """
				{"appliedVersion": %d, "appliedHash": null, "error": %s,
				 "startedAt": "2026-11-21T10:00:00Z", "controlPlaneConnected": true}""".formatted(version,
				(error != null) ? "\"" + error + "\"" : "null");
		heartbeat(id, body);
	}

	private void heartbeat(String id, String body) throws Exception {
		this.mvc
			.perform(
					post("/api/v1/gateways/{id}/status", id).header(HttpHeaders.AUTHORIZATION, "Bearer local-dev-token")
						.contentType(MediaType.APPLICATION_JSON)
						.content(body))
			.andExpect(status().isNoContent());
	}

	private ConfigSnapshot add(RouteRule route) {
		return this.publisher.publish("tester", "add " + route.id(), (current) -> {
			List<RouteRule> routes = new ArrayList<>(current.routes());
			routes.add(route);
			return routes;
		}).orElseThrow();
	}

	private static RouteRule route(String id) {
		return RouteRule.of(id, RouteMatch.of("/api/" + id, "GET"), Target.of("http://localhost:8090", "product"));
	}

	private static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(executor.submit(task));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(30, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

}
