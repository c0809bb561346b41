package dev.frontline.functions.tracing;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.frontline.functions.testkit.FunctionAnswer;
import dev.frontline.functions.testkit.FunctionTest;
import dev.frontline.functions.testkit.FunctionTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spans go to an OTLP collector once its endpoint is configured; here a stand-in that
 * keeps what it receives.
 */
@FunctionTest(properties = "management.opentelemetry.tracing.export.schedule-delay=100ms")
class TraceExportIntegrationTests {

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	private static final List<Export> exports = new CopyOnWriteArrayList<>();

	private static final DisposableServer collector = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.handle((request,
				response) -> request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap((body) -> {
					exports.add(new Export(request.uri(), String.valueOf(request.requestHeaders().get("Content-Type")),
							body));
					return response.status(200).send().then();
				}))
		.bindNow(Duration.ofSeconds(5));

	@Autowired
	private FunctionTestKit kit;

	@DynamicPropertySource
	static void collector(DynamicPropertyRegistry registry) {
		registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
				() -> "http://127.0.0.1:" + collector.port() + "/v1/traces");
	}

	@AfterAll
	static void stopCollector() {
		collector.disposeNow(Duration.ofSeconds(5));
	}

	@Test
	void exportsTheSpansOfACallToTheConfiguredCollector() {
		this.kit.backend("catalog").get("/products/p2").respond(200, """
				{"id":"p2","name":"Ceramic Mug","price":12.5,"description":"Large"}""");
		FunctionAnswer answer = this.kit.call("product")
			.header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
			.send("{\"id\":\"p2\"}");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		// OTLP over HTTP carries ids as raw bytes in protobuf.
		byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(exports).anySatisfy((export) -> {
			assertThat(export.path()).isEqualTo("/v1/traces");
			assertThat(export.contentType()).isEqualTo("application/x-protobuf");
			assertThat(indexOf(export.body(), traceId)).isNotNegative();
		}));
	}

	private static int indexOf(byte[] body, byte[] part) {
		outer: for (int i = 0; i <= body.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (body[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/**
	 * One export request that the collector received.
	 */
	private record Export(String path, String contentType, byte[] body) {

	}

}
