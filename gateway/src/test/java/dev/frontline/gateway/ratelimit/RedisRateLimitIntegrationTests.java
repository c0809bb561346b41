package dev.frontline.gateway.ratelimit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RateLimitPolicy;
import dev.frontline.contract.RateLimitPolicy.KeyType;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.gateway.GatewayApplication;
import dev.frontline.gateway.routing.SnapshotRouteLocator;
import dev.frontline.gateway.testing.ClosedPort;
import dev.frontline.gateway.testing.FunctionRuntimeStub;
import dev.frontline.testing.TcpProxy;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Gateways sharing buckets on the Redis of 127.0.0.1:6379: one connected to it directly,
 * and one fail-open and one fail-closed gateway connected through a proxy that the tests
 * cut off to make Redis unreachable, all leasing tokens (the default); and pairs of
 * gateways in each sync mode. Skipped when Redis is not there, unless {@code CI=true}.
 */
class RedisRateLimitIntegrationTests {

	private static final int REDIS_PORT = 6379;

	/** Keys of this run only, so that runs and other tests do not share buckets. */
	private static final String KEY_PREFIX = "frontline-test:" + UUID.randomUUID() + ":";

	/**
	 * For the gateways that test sharing, not failing over: on a busy machine a command
	 * can miss the default 50 ms, and a decision taken with a local bucket then would
	 * count against the shared limit.
	 */
	private static final String PATIENT = "--frontline.gateway.rate-limit.redis.timeout=2s";

	@TempDir
	static Path dataDir;

	@AutoClose
	static FunctionRuntimeStub runtime = FunctionRuntimeStub.start("runtime");

	static TcpProxy proxy;

	static final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	static Gateway direct;

	static Gateway failOpen;

	static Gateway failClosed;

	static long version;

	@BeforeAll
	static void startGateways() {
		requireRedis();
		proxy = TcpProxy.open(REDIS_PORT);
		direct = start("direct", REDIS_PORT, "fail-open");
		failOpen = start("fail-open", proxy.port(), "fail-open");
		failClosed = start("fail-closed", proxy.port(), "fail-closed");
	}

	@AfterEach
	void reconnect() {
		proxy.close();
		proxy.open();
	}

	@AfterAll
	static void stopGateways() {
		contexts.forEach(ConfigurableApplicationContext::close);
		if (proxy != null) {
			proxy.close();
		}
	}

	@Test
	void exactGatewaysSharingRedisTogetherAllowExactlyTheLimit() {
		String exact = "--frontline.gateway.rate-limit.redis.sync=exact";
		Gateway first = start("exact-1", REDIS_PORT, "fail-open", exact, PATIENT);
		Gateway second = start("exact-2", REDIS_PORT, "fail-open", exact, PATIENT);
		apply(route("shared", limit(10, Duration.ofHours(1), 10)));
		awaitConnected(first);
		awaitConnected(second);
		// Concurrent requests on both gateways, so that batching comes into play.
		List<HttpStatus> statuses = Flux.range(0, 40)
			.flatMap((i) -> ((i % 2 == 0) ? first : second).status("/api/shared"), 16)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(statuses).filteredOn(HttpStatus.OK::equals).hasSize(10);
		assertThat(statuses).filteredOn(HttpStatus.TOO_MANY_REQUESTS::equals).hasSize(30);
		assertThat(first.count("shared", "degraded") + second.count("shared", "degraded")).isZero();
		assertThat(first.count("shared", "allowed") + second.count("shared", "allowed")).isEqualTo(10);
	}

	@Test
	void leasingGatewaysTogetherNeverAllowMoreThanTheLimitNorFewerThanItLessTheirLeases() {
		int leaseTokens = 3;
		String[] leased = { "--frontline.gateway.rate-limit.redis.sync=leased",
				"--frontline.gateway.rate-limit.redis.lease-time=1s",
				"--frontline.gateway.rate-limit.redis.lease-tokens=" + leaseTokens, PATIENT };
		Gateway first = start("leased-1", REDIS_PORT, "fail-open", leased);
		Gateway second = start("leased-2", REDIS_PORT, "fail-open", leased);
		apply(route("leased", limit(20, Duration.ofHours(1), 20)));
		awaitConnected(first);
		awaitConnected(second);
		List<HttpStatus> statuses = Flux.range(0, 80)
			.flatMap((i) -> ((i % 2 == 0) ? first : second).status("/api/leased"), 16)
			.collectList()
			.block(Duration.ofSeconds(30));
		// The bound of RateLimitProperties.Redis: no token is spent that Redis did not
		// grant, and at most G x lease-tokens are left unspent in leases.
		long allowed = statuses.stream().filter(HttpStatus.OK::equals).count();
		assertThat(allowed).isBetween(20L - 2 * leaseTokens, 20L);
		assertThat(statuses).filteredOn(HttpStatus.TOO_MANY_REQUESTS::equals).hasSize(80 - (int) allowed);
		assertThat(first.count("leased", "degraded") + second.count("leased", "degraded")).isZero();
	}

	@Test
	void failOpenDecidesWithLocalBucketsWhileRedisIsUnreachableAndSharesAgainWhenItIsBack() {
		apply(route("failover", limit(3, Duration.ofHours(1), 3)));
		awaitConnected(direct);
		awaitConnected(failOpen);
		failOpen.client().get().uri("/api/failover").exchange().expectStatus().isOk();
		direct.client().get().uri("/api/failover").exchange().expectStatus().isOk();

		proxy.cut();
		long started = System.nanoTime();
		for (int i = 0; i < 3; i++) {
			failOpen.client().get().uri("/api/failover").exchange().expectStatus().isOk();
		}
		failOpen.client()
			.get()
			.uri("/api/failover")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals("X-RateLimit-Limit", "3");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		assertThat(failOpen.count("failover", "degraded")).isEqualTo(4);

		proxy.open();
		awaitConnected(failOpen);
		// One token of three is left in Redis.
		failOpen.client()
			.get()
			.uri("/api/failover")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-RateLimit-Remaining", "0");
		failOpen.client().get().uri("/api/failover").exchange().expectStatus().isEqualTo(429);
		direct.client().get().uri("/api/failover").exchange().expectStatus().isEqualTo(429);
		assertThat(failOpen.count("failover", "degraded")).isEqualTo(4);
	}

	@Test
	void failClosedAnswersUnavailableWhileRedisIsUnreachableAndLimitsAgainWhenItIsBack() {
		apply(route("closing", limit(2, Duration.ofHours(1), 2)));
		awaitConnected(failClosed);
		failClosed.client().get().uri("/api/closing").exchange().expectStatus().isOk();

		proxy.cut();
		failClosed.client()
			.get()
			.uri("/api/closing")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:rate-limit-unavailable");
		assertThat(failClosed.count("closing", "degraded")).isEqualTo(1);

		proxy.open();
		awaitConnected(failClosed);
		failClosed.client().get().uri("/api/closing").exchange().expectStatus().isOk();
		failClosed.client().get().uri("/api/closing").exchange().expectStatus().isEqualTo(429);
	}

	private static void requireRedis() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", REDIS_PORT), 500);
		}
		catch (IOException ex) {
			String message = "Redis is not reachable on 127.0.0.1:" + REDIS_PORT + " (" + ex.getMessage()
					+ "); start one to run the cluster rate-limit tests";
			if ("true".equals(System.getenv("CI"))) {
				fail(message + " (required because CI=true)");
			}
			Assumptions.abort(message);
		}
	}

	/**
	 * Waits until the gateway decides with Redis again: probes a route of its own until a
	 * decision is not degraded.
	 */
	private static void awaitConnected(Gateway gateway) {
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
			double degraded = gateway.count("probe", "degraded");
			gateway.status("/api/probe").block(Duration.ofSeconds(5));
			return gateway.count("probe", "degraded") == degraded && gateway.count("probe", "allowed") > 0;
		});
	}

	private static Gateway start(String id, int redisPort, String failurePolicy, String... moreArgs) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--spring.main.banner-mode=off", "--frontline.data-dir=" + dataDir,
				"--frontline.gateway.id=redis-" + id, "--frontline.gateway.control-plane.uri=" + ClosedPort.uri(),
				"--frontline.gateway.rate-limit.mode=redis",
				"--frontline.gateway.rate-limit.redis.uri=redis://127.0.0.1:" + redisPort,
				"--frontline.gateway.rate-limit.redis.key-prefix=" + KEY_PREFIX,
				"--frontline.gateway.rate-limit.redis.failure-policy=" + failurePolicy));
		args.addAll(List.of(moreArgs));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
			.run(args.toArray(String[]::new));
		contexts.add(context);
		String port = context.getEnvironment().getRequiredProperty("local.server.port");
		String base = "http://127.0.0.1:" + port;
		return new Gateway(context, WebTestClient.bindToServer().baseUrl(base).build(),
				WebClient.builder().baseUrl(base).build());
	}

	private static void apply(RouteRule rule) {
		ConfigSnapshot snapshot = ConfigSnapshot.of(++version, Instant.now(), "test",
				List.of(rule, route("probe", limit(1_000_000, Duration.ofSeconds(1), 1_000_000))));
		for (ConfigurableApplicationContext context : contexts) {
			context.getBean(SnapshotRouteLocator.class).apply(snapshot);
		}
	}

	private static RateLimitPolicy limit(long permits, Duration period, long burst) {
		return new RateLimitPolicy(KeyType.CLIENT_IP, null, permits, period, burst);
	}

	private static RouteRule route(String id, RateLimitPolicy limit) {
		return new RouteRule(id, null, RouteMatch.of("/api/" + id, "GET"), 0, AuthPolicy.publicAccess(), limit, null,
				null, Target.of(runtime.uri(), "echo"), null);
	}

	private record Gateway(ConfigurableApplicationContext context, WebTestClient client, WebClient webClient) {

		reactor.core.publisher.Mono<HttpStatus> status(String path) {
			return this.webClient.get()
				.uri(path)
				.exchangeToMono((response) -> response.releaseBody()
					.thenReturn(HttpStatus.valueOf(response.statusCode().value())));
		}

		double count(String route, String decision) {
			return this.context.getBean(MeterRegistry.class)
				.counter(RateLimitGlobalFilter.DECISIONS, "route", route, "key_type", "client-ip", "decision", decision)
				.count();
		}

	}

}
