package dev.frontline.gateway.tracing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.gateway.GatewayApplication;
import dev.frontline.gateway.routing.SnapshotRouteLocator;
import dev.frontline.gateway.testing.ClosedPort;
import dev.frontline.gateway.testing.FunctionRuntimeStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gateway whose spans go to a stub OTLP collector, as they do once its endpoint is
 * configured.
 */
class OtlpExportIntegrationTests {

	@AutoClose
	static final FunctionRuntimeStub runtime = FunctionRuntimeStub.start("runtime");

	// Its own event loops: a gateway that shuts down disposes of Reactor Netty's shared
	// ones.
	@AutoClose("dispose")
	static final LoopResources loops = LoopResources.create("otlp-collector-stub", 1, true);

	private final List<Export> exports = new CopyOnWriteArrayList<>();

	@TempDir
	Path dataDir;

	private DisposableServer collector;

	private ConfigurableApplicationContext gateway;

	@AfterEach
	void stop() {
		if (this.gateway != null) {
			this.gateway.close();
		}
		if (this.collector != null) {
			this.collector.disposeNow();
		}
	}

	@Test
	void exportsTheSpansOfEachRequestToTheConfiguredCollector() {
		this.collector = HttpServer.create()
			.runOn(loops)
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> request.receive()
				.aggregate()
				.asByteArray()
				.doOnNext((body) -> this.exports.add(new Export(request.uri(), body)))
				.then(response.status(200).header("Content-Type", "application/x-protobuf").send()))
			.bindNow();
		this.gateway = new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
				"--management.server.port=0", "--spring.main.banner-mode=off", "--frontline.data-dir=" + this.dataDir,
				"--frontline.gateway.id=otlp-test", "--management.tracing.sampling.probability=1.0",
				"--frontline.gateway.control-plane.uri=" + ClosedPort.uri(),
				"--management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:" + this.collector.port()
						+ "/v1/traces",
				"--management.opentelemetry.tracing.export.schedule-delay=100ms");
		this.gateway.getBean(SnapshotRouteLocator.class)
			.apply(ConfigSnapshot.of(1, Instant.now(), "test",
					List.of(RouteRule.of("home", RouteMatch.of("/api/home", "GET"), Target.of(runtime.uri(), "echo"))
						.withAuth(AuthPolicy.publicAccess()))));
		String port = this.gateway.getEnvironment().getRequiredProperty("local.server.port");
		String traceId = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.build()
			.get()
			.uri("/api/home")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Trace-Id");
		byte[] traceIdBytes = HexFormat.of().parseHex(traceId);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.exports).anySatisfy((export) -> {
			assertThat(export.uri()).isEqualTo("/v1/traces");
			assertThat(contains(export.body(), traceIdBytes)).isTrue();
		}));
	}

	private static boolean contains(byte[] body, byte[] part) {
		for (int i = 0; i + part.length <= body.length; i++) {
			int j = 0;
			while (j < part.length && body[i + j] == part[j]) {
				j++;
			}
			if (j == part.length) {
				return true;
			}
		}
		return false;
	}

	private record Export(String uri, byte[] body) {

	}

}
