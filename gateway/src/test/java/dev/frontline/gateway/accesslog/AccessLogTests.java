package dev.frontline.gateway.accesslog;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.frontline.contract.Variant;
import dev.frontline.gateway.auth.Caller;
import dev.frontline.gateway.metrics.AnsweredRequest;
import dev.frontline.gateway.metrics.Outcome;
import dev.frontline.gateway.ratelimit.ClientAddresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AccessLogTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final MockServerWebExchange exchange = MockServerWebExchange
		.from(MockServerHttpRequest.get("/api/home").queryParam("q", "x"));

	private final AnsweredRequest request = new AnsweredRequest(Instant.parse("2025-03-01T10:15:30.123456Z"),
			HttpMethod.GET, "home", Variant.CANARY, 200, Outcome.SUCCESS, 12_345_678, 10_000_400, Outcome.SUCCESS);

	@Test
	void describesTheRequestInMillisecondsWithMicrosecondPrecision() {
		this.exchange.getAttributes()
			.put(Caller.ATTRIBUTE, new Caller("alice", Set.of("profile"), "web-app", Caller.Method.JWT));
		AccessLogEntry entry = accessLog(true).entry(this.exchange, this.request);
		assertThat(entry.time()).isEqualTo("2025-03-01T10:15:30.123Z");
		assertThat(entry.path()).isEqualTo("/api/home");
		assertThat(entry.variant()).isEqualTo("canary");
		assertThat(entry.latencyMs()).isEqualTo(12.346);
		assertThat(entry.upstreamMs()).isEqualTo(10.0);
		assertThat(entry.principal()).isEqualTo("alice");
		assertThat(entry.traceId()).isNull();
	}

	@Test
	void namesNoPrincipalForAnAnonymousCaller() {
		this.exchange.getAttributes().put(Caller.ATTRIBUTE, Caller.ANONYMOUS);
		assertThat(accessLog(true).entry(this.exchange, this.request).principal()).isNull();
	}

	@Test
	void writesTheEntryAsJson(CapturedOutput output) {
		accessLog(true).answered(this.exchange, this.request);
		String line = output.getOut()
			.lines()
			.filter((text) -> text.contains("\"route\":\"home\""))
			.findFirst()
			.orElseThrow();
		assertThat(json.readTree(line.substring(line.indexOf('{'))).path("latencyMs").asDouble()).isEqualTo(12.346);
	}

	@Test
	void writesNothingWhenTurnedOff(CapturedOutput output) {
		accessLog(false).answered(this.exchange, this.request);
		assertThat(output.getOut()).doesNotContain("\"route\":\"home\"");
	}

	private static AccessLog accessLog(boolean enabled) {
		return new AccessLog(new AccessLogProperties(enabled), json, new ClientAddresses(List.of()));
	}

}
