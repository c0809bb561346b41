package dev.frontline.functions.tracing;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.frontline.functions.testkit.FunctionAnswer;
import dev.frontline.functions.testkit.FunctionTest;
import dev.frontline.functions.testkit.FunctionTestKit;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a call's trace flows: from the gateway's {@code traceparent}, through the function,
 * to every backend it calls, into the log and back in {@code X-Trace-Id}.
 */
@FunctionTest
@ExtendWith(OutputCaptureExtension.class)
class TracingIntegrationTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String GATEWAY_SPAN = "00f067aa0ba902b7";

	private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + GATEWAY_SPAN + "-01";

	private static final Pattern W3C = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

	private static final String ALICE = """
			{"id":"alice","name":"Alice","tier":"gold"}""";

	private static final String MUG = """
			{"id":"p2","name":"Ceramic Mug","price":12.5,"description":"Large"}""";

	@Autowired
	private FunctionTestKit kit;

	@Autowired
	private ApplicationContext context;

	@Test
	void exportsNoSpansUnlessACollectorIsConfigured() {
		assertThat(this.context.getBeanNamesForType(SpanExporter.class)).isEmpty();
	}

	@Test
	void continuesTheGatewaysTraceToEveryBackendOfAFanOut() {
		this.kit.backend("profile").get("/users/alice").respond(200, ALICE);
		this.kit.backend("catalog").get("/recommendations").respond(200, "{\"items\":[]}");
		this.kit.backend("cart").get("/carts/alice").respond(200, "{\"user\":\"alice\",\"items\":[],\"total\":0}");
		FunctionAnswer answer = this.kit.call("homePage").as("alice").header("traceparent", TRACEPARENT).send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.header(TraceIdHeaderFilter.HEADER)).isEqualTo(TRACE_ID);
		for (String backend : List.of("profile", "catalog", "cart")) {
			List<HttpHeaders> received = this.kit.backend(backend).requestHeaders();
			assertThat(received).as(backend).hasSize(1);
			Matcher traceparent = traceparent(received.get(0));
			assertThat(traceparent.group(1)).as(backend).isEqualTo(TRACE_ID);
			// Each backend call is a span of its own, a child of the function's.
			assertThat(traceparent.group(2)).as(backend).isNotEqualTo(GATEWAY_SPAN);
		}
	}

	@Test
	void startsATraceForACallWithoutOneAndHandsItOn() {
		this.kit.backend("catalog").get("/products/p2").respond(200, MUG);
		FunctionAnswer answer = this.kit.call("product").send("{\"id\":\"p2\"}");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		String traceId = answer.header(TraceIdHeaderFilter.HEADER);
		assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID);
		assertThat(traceparent(this.kit.backend("catalog").requestHeaders().get(0)).group(1)).isEqualTo(traceId);
	}

	@Test
	void keepsTheTraceWhenACallIsRepeated() {
		this.kit.backend("catalog").get("/products/p2").respond(200, MUG);
		this.kit.backend("catalog").get("/products/p2").fail(503).times(1);
		FunctionAnswer answer = this.kit.call("product").header("traceparent", TRACEPARENT).send("{\"id\":\"p2\"}");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		List<HttpHeaders> attempts = this.kit.backend("catalog").requestHeaders();
		assertThat(attempts).hasSize(2);
		assertThat(attempts).allSatisfy((headers) -> assertThat(traceparent(headers).group(1)).isEqualTo(TRACE_ID));
	}

	@Test
	void namesTheTraceInProblemAnswers() {
		this.kit.backend("catalog").get("/products/p2").fail(500);
		FunctionAnswer failed = this.kit.call("product").header("traceparent", TRACEPARENT).send("{\"id\":\"p2\"}");
		assertThat(failed.status()).as(failed.toString()).isEqualTo(502);
		assertThat(failed.header(TraceIdHeaderFilter.HEADER)).isEqualTo(TRACE_ID);
		FunctionAnswer malformed = this.kit.call("product").header("traceparent", TRACEPARENT).send("{\"id\":");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.header(TraceIdHeaderFilter.HEADER)).isEqualTo(TRACE_ID);
		FunctionAnswer withoutPassport = this.kit.call("product")
			.header("traceparent", TRACEPARENT)
			.header("X-Frontline-Passport", "")
			.send("{\"id\":\"p2\"}");
		assertThat(withoutPassport.status()).isEqualTo(401);
		assertThat(withoutPassport.header(TraceIdHeaderFilter.HEADER)).isEqualTo(TRACE_ID);
	}

	@Test
	void answersWithItsOwnTraceIdWhateverTheCallerClaims() {
		this.kit.backend("catalog").get("/products/p2").respond(200, MUG);
		FunctionAnswer answer = this.kit.call("product")
			.header("traceparent", TRACEPARENT)
			.header(TraceIdHeaderFilter.HEADER, "forged")
			.send("{\"id\":\"p2\"}");
		assertThat(answer.headers().get(TraceIdHeaderFilter.HEADER)).containsExactly(TRACE_ID);
	}

	@Test
	void logsUnderTheTraceId(CapturedOutput output) {
		this.kit.backend("profile").get("/users/alice").respond(200, ALICE);
		this.kit.backend("catalog").get("/recommendations").fail(503);
		this.kit.backend("cart").get("/carts/alice").respond(200, "{\"user\":\"alice\",\"items\":[],\"total\":0}");
		this.kit.backend("catalog").get("/products/p2").fail(500);
		assertThat(this.kit.call("homePage").as("alice").header("traceparent", TRACEPARENT).send().isPartial())
			.isTrue();
		assertThat(this.kit.call("product").header("traceparent", TRACEPARENT).send("{\"id\":\"p2\"}").status())
			.isEqualTo(502);
		assertThat(output.getOut().lines().filter((line) -> line.contains(TRACE_ID)))
			.anySatisfy((line) -> assertThat(line).contains("Answering without the optional part 'recommendations'"))
			.anySatisfy((line) -> assertThat(line).contains("POST /product: 502"));
	}

	@Test
	void leavesProbesAndScrapesUntraced() {
		for (String endpoint : List.of("/actuator/health/readiness", "/actuator/prometheus")) {
			HttpHeaders headers = WebClient.create(this.kit.managementUrl() + endpoint)
				.get()
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofSeconds(10))
				.getHeaders();
			assertThat(headers.containsHeader(TraceIdHeaderFilter.HEADER)).as(endpoint).isFalse();
		}
		assertThat(WebClient.create(this.kit.managementUrl() + "/actuator/prometheus")
			.get()
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(10))).doesNotContain("uri=\"/actuator");
	}

	private static Matcher traceparent(HttpHeaders headers) {
		String value = headers.getFirst("traceparent");
		assertThat(value).as("traceparent").isNotNull();
		Matcher matcher = W3C.matcher(value);
		assertThat(matcher.matches()).as(value).isTrue();
		return matcher;
	}

}
