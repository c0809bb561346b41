package dev.frontline.gateway.accesslog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.frontline.contract.ApiKey;
import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.gateway.testing.AbstractGatewayIntegrationTests;
import dev.frontline.gateway.testing.FunctionRuntimeStub;
import dev.frontline.gateway.testing.Tokens;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway on a port behind a trusted proxy (the tests connect from 127.0.0.1), with
 * its access log on the console, where the tests read it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "frontline.gateway.id=access-log-test",
				"frontline.gateway.rate-limit.trusted-proxies=127.0.0.1" })
@ExtendWith(OutputCaptureExtension.class)
class AccessLogIntegrationTests extends AbstractGatewayIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

	@AutoClose
	static FunctionRuntimeStub runtime = FunctionRuntimeStub.start("runtime");

	private static final ApiKey.Issued partnerKey = ApiKey.issue("partner-app", List.of(), Instant.now());

	long version;

	@BeforeEach
	void routes() {
		Target echo = Target.of(runtime.uri(), "echo");
		this.routes.apply(ConfigSnapshot.of(++this.version, Instant.now(), "test",
				List.of(RouteRule.of("product", RouteMatch.of("/api/products/{id}", "GET"), echo)
					.withAuth(AuthPolicy.authenticated()),
						RouteRule.of("orders", RouteMatch.of("/api/orders", "GET"), echo)
							.withAuth(new AuthPolicy(AuthPolicy.Mode.SCOPES, List.of("orders:write"),
									AuthPolicy.ScopeMatch.ALL, false, false)),
						RouteRule.of("partner", RouteMatch.of("/api/partner", "GET"), echo)
							.withAuth(new AuthPolicy(AuthPolicy.Mode.AUTHENTICATED, List.of(),
									AuthPolicy.ScopeMatch.ALL, true, false))),
				List.of(partnerKey.entry())));
	}

	@Test
	void writesOneJsonLineWithEveryFieldForEachRequest(CapturedOutput output) {
		String token = Tokens.hs256((claims) -> claims.subject("alice"));
		Instant before = Instant.now().minusMillis(1);
		this.client.get()
			.uri("/api/products/p1?secret=hunter2&sort=asc")
			.header("Authorization", "Bearer " + token)
			.header("X-Request-Id", "log-ok")
			.header("traceparent", "00-" + TRACE + "-b7ad6b7169203331-01")
			.header("X-Forwarded-For", "203.0.113.7")
			.exchange()
			.expectStatus()
			.isOk();
		String line = accessLine(output, "log-ok");
		JsonNode entry = json.readTree(line);
		assertThat(entry.propertyNames()).containsExactly("time", "traceId", "requestId", "method", "path", "route",
				"variant", "status", "latencyMs", "upstreamMs", "principal", "clientIp");
		assertThat(Instant.parse(entry.path("time").asString())).isBetween(before, Instant.now());
		assertThat(entry.path("traceId").asString()).isEqualTo(TRACE);
		assertThat(entry.path("method").asString()).isEqualTo("GET");
		assertThat(entry.path("path").asString()).isEqualTo("/api/products/p1");
		assertThat(entry.path("route").asString()).isEqualTo("product");
		assertThat(entry.path("variant").asString()).isEqualTo("stable");
		assertThat(entry.path("status").asInt()).isEqualTo(200);
		assertThat(entry.path("latencyMs").isNumber()).isTrue();
		assertThat(entry.path("upstreamMs").asDouble()).isPositive()
			.isLessThanOrEqualTo(entry.path("latencyMs").asDouble());
		assertThat(entry.path("principal").asString()).isEqualTo("alice");
		assertThat(entry.path("clientIp").asString()).isEqualTo("203.0.113.7");
		assertThat(line).doesNotContain(token).doesNotContain("hunter2");
	}

	@Test
	void namesTheClientOfAnApiKeyAndNeverTheKey(CapturedOutput output) {
		this.client.get()
			.uri("/api/partner")
			.header("X-API-Key", partnerKey.key())
			.header("X-Request-Id", "log-key")
			.exchange()
			.expectStatus()
			.isOk();
		String line = accessLine(output, "log-key");
		assertThat(json.readTree(line).path("principal").asString()).isEqualTo("partner-app");
		assertThat(line).doesNotContain(partnerKey.key());
	}

	@Test
	void logsRefusedAndUnmatchedRequestsWithoutCredentialsOrUpstreamTime(CapturedOutput output) {
		String forged = Tokens.unsigned((claims) -> claims.subject("mallory"));
		this.client.get()
			.uri("/api/products/p1")
			.header("Authorization", "Bearer " + forged)
			.header("X-Request-Id", "log-refused")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.client.get()
			.uri("/api/orders")
			.header("Authorization", "Bearer " + Tokens.hs256((claims) -> claims.subject("bob")))
			.header("X-Request-Id", "log-forbidden")
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/api/nowhere/\u2713\"")
			.header("X-Request-Id", "log-unmatched")
			.exchange()
			.expectStatus()
			.isNotFound();
		String refusedLine = accessLine(output, "log-refused");
		JsonNode refused = json.readTree(refusedLine);
		assertThat(refused.path("status").asInt()).isEqualTo(401);
		assertThat(refused.path("route").asString()).isEqualTo("product");
		assertThat(refused.path("principal").isNull()).isTrue();
		assertThat(refused.path("upstreamMs").isNull()).isTrue();
		assertThat(refusedLine).doesNotContain(forged);
		JsonNode forbidden = json.readTree(accessLine(output, "log-forbidden"));
		assertThat(forbidden.path("status").asInt()).isEqualTo(403);
		assertThat(forbidden.path("principal").asString()).isEqualTo("bob");
		JsonNode unmatched = json.readTree(accessLine(output, "log-unmatched"));
		assertThat(unmatched.path("path").asString()).isEqualTo("/api/nowhere/%E2%9C%93%22");
		assertThat(unmatched.path("status").asInt()).isEqualTo(404);
		assertThat(unmatched.path("route").isNull()).isTrue();
		assertThat(unmatched.path("variant").isNull()).isTrue();
	}

	/**
	 * The access log line of the request with the given id, once written: a line of its
	 * own, nothing before or after the JSON.
	 */
	private static String accessLine(CapturedOutput output, String requestId) {
		String marker = "\"requestId\":\"" + requestId + "\"";
		return await().atMost(Duration.ofSeconds(5))
			.until(() -> output.getOut()
				.lines()
				.filter((line) -> line.contains(marker))
				.filter((line) -> line.startsWith("{") && line.endsWith("}"))
				.findFirst()
				.orElse(null), Objects::nonNull);
	}

}
