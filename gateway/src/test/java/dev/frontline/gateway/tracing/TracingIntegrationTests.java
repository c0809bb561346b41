package dev.frontline.gateway.tracing;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.gateway.testing.AbstractGatewayIntegrationTests;
import dev.frontline.gateway.testing.ClosedPort;
import dev.frontline.gateway.testing.FunctionRuntimeStub;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on a port with its default tracing settings, in front of a stub function
 * runtime that shows the headers it received.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "frontline.gateway.id=tracing-test" })
@ExtendWith(OutputCaptureExtension.class)
class TracingIntegrationTests extends AbstractGatewayIntegrationTests {

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String CLIENT_SPAN = "00f067aa0ba902b7";

	@AutoClose
	static FunctionRuntimeStub runtime = FunctionRuntimeStub.start("runtime");

	@Autowired
	ApplicationContext context;

	long version;

	@BeforeEach
	void routes() {
		runtime.reset();
		this.routes.apply(ConfigSnapshot.of(++this.version, Instant.now(), "test",
				List.of(route("home", "/api/home", runtime.uri(), AuthPolicy.publicAccess()),
						route("account", "/api/account", runtime.uri(), AuthPolicy.authenticated()),
						route("down", "/api/down", ClosedPort.uri(), AuthPolicy.publicAccess()))));
	}

	@Test
	void continuesTheTraceOfAnIncomingTraceparentAndForwardsIt() {
		HttpHeaders answer = this.client.get()
			.uri("/api/home")
			.header("traceparent", "00-" + TRACE + "-" + CLIENT_SPAN + "-01")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders();
		assertThat(answer.getFirst("X-Trace-Id")).isEqualTo(TRACE);
		String forwarded = runtime.lastHeaders().get("traceparent");
		assertThat(forwarded).matches("00-" + TRACE + "-[0-9a-f]{16}-01");
		assertThat(forwarded).doesNotContain(CLIENT_SPAN);
	}

	@Test
	void startsATraceForEachRequestWithoutOneForwardsItAndSamplesAboutATenth() {
		Set<String> traces = new HashSet<>();
		int sampled = 0;
		for (int i = 0; i < 200; i++) {
			String traceId = this.client.get()
				.uri("/api/home")
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(String.class)
				.getResponseHeaders()
				.getFirst("X-Trace-Id");
			assertThat(traceId).matches(TRACE_ID);
			String forwarded = runtime.lastHeaders().get("traceparent");
			assertThat(forwarded).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
			sampled += forwarded.endsWith("-01") ? 1 : 0;
			traces.add(traceId);
		}
		assertThat(traces).hasSize(200);
		// 10 %: 20 expected; outside 1..60 has a probability below one in a billion.
		assertThat(sampled).isBetween(1, 60);
	}

	@Test
	void keepsTheSamplingDecisionOfAnIncomingTraceparent() {
		for (String flags : List.of("01", "00")) {
			for (int i = 0; i < 5; i++) {
				this.client.get()
					.uri("/api/home")
					.header("traceparent", "00-" + TRACE + "-" + CLIENT_SPAN + "-" + flags)
					.exchange()
					.expectHeader()
					.valueEquals("X-Trace-Id", TRACE);
				assertThat(runtime.lastHeaders().get("traceparent")).matches("00-" + TRACE + "-[0-9a-f]{16}-" + flags);
			}
		}
	}

	@Test
	void writesTheTraceIdOfAnUnsampledTraceInTheLogLinesToo(CapturedOutput output) {
		this.client.get()
			.uri("/api/down")
			.header("traceparent", "00-" + TRACE + "-" + CLIENT_SPAN + "-00")
			.exchange()
			.expectStatus()
			.isEqualTo(502);
		assertThat(output.getOut().lines().filter((line) -> line.contains("Bad gateway for GET /api/down")))
			.singleElement()
			.asString()
			.contains(TRACE);
	}

	@Test
	void namesTheTraceOnTheGatewaysOwnProblemAnswers() {
		for (String path : List.of("/api/nowhere", "/api/account", "/api/down")) {
			this.client.get()
				.uri(path)
				.header("traceparent", "00-" + TRACE + "-" + CLIENT_SPAN + "-01")
				.exchange()
				.expectHeader()
				.contentType("application/problem+json")
				.expectHeader()
				.valueEquals("X-Trace-Id", TRACE);
		}
	}

	@Test
	void writesTheTraceIdInTheLogLinesOfARequest(CapturedOutput output) {
		this.client.get()
			.uri("/api/down")
			.header("traceparent", "00-" + TRACE + "-" + CLIENT_SPAN + "-01")
			.exchange()
			.expectStatus()
			.isEqualTo(502);
		assertThat(output.getOut().lines().filter((line) -> line.contains("Bad gateway for GET /api/down")))
			.singleElement()
			.asString()
			.contains(TRACE);
	}

	@Test
	void exportsNoSpansByDefault(CapturedOutput output) {
		this.client.get().uri("/api/home").exchange().expectStatus().isOk();
		assertThat(this.context.getBeansOfType(SpanExporter.class)).isEmpty();
		assertThat(output.getAll().lines().filter((line) -> line.contains(" WARN ") || line.contains(" ERROR ")))
			.noneMatch((line) -> line.toLowerCase(Locale.ROOT).contains("export"));
	}

	private static RouteRule route(String id, String path, String uri, AuthPolicy auth) {
		return RouteRule.of(id, RouteMatch.of(path, "GET"), Target.of(uri, "echo")).withAuth(auth);
	}

}
