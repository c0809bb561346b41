package dev.frontline.gateway.limits;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.gateway.testing.AbstractGatewayIntegrationTests;
import dev.frontline.gateway.testing.FunctionRuntimeStub;
import dev.frontline.gateway.testing.RawHttp;
import dev.frontline.gateway.testing.RawHttp.Answer;
import dev.frontline.gateway.testing.Tokens;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway on a port with a body limit of 64 KB, a public route and one that takes a
 * bearer token, both passing POST bodies through to a stub function runtime; requests
 * written on a plain socket, so that a body can be declared and not sent, or sent in
 * chunks with pauses.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
		"frontline.gateway.id=body-limit-test", "frontline.gateway.limits.max-body-size=64KB" })
class BodySizeLimitIntegrationTests extends AbstractGatewayIntegrationTests {

	private static final int LIMIT = 64 * 1024;

	private static final String PUBLIC = "/api/catalog";

	private static final String PROTECTED = "/api/orders";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String TOKEN = Tokens.hs256((claims) -> {
	});

	@AutoClose
	static FunctionRuntimeStub runtime = FunctionRuntimeStub.start("runtime");

	@LocalServerPort
	int port;

	RawHttp raw;

	@BeforeEach
	void routes() {
		Target echo = Target.of(runtime.uri(), "echo");
		this.routes.apply(ConfigSnapshot.of(1, Instant.now(), "test", List.of(
				RouteRule.of("catalog", RouteMatch.of(PUBLIC, "POST"), echo).withAuth(AuthPolicy.publicAccess()),
				RouteRule.of("orders", RouteMatch.of(PROTECTED, "POST"), echo).withAuth(AuthPolicy.authenticated()))));
		this.raw = new RawHttp(this.port);
		runtime.reset();
	}

	@ParameterizedTest
	@ValueSource(strings = { PUBLIC, PROTECTED })
	void refusesADeclaredLengthOverTheLimitWith413WithoutReadingTheBody(String path) {
		// Only the headers are sent: a gateway that waited for the body would not answer.
		Answer answer = this.raw.send("POST " + path + " HTTP/1.1", "Authorization: Bearer " + TOKEN,
				"Content-Type: application/json", "Content-Length: " + (LIMIT + 1));
		JsonNode problem = expectContentTooLarge(answer);
		assertThat(problem.path("detail").asString()).contains(String.valueOf(LIMIT + 1))
			.contains(String.valueOf(LIMIT));
		assertThat(runtime.calls()).isZero();
	}

	@Test
	void refusesACallerWithoutCredentialsBeforeLookingAtTheBody() {
		Answer answer = this.raw.send("POST " + PROTECTED + " HTTP/1.1", "Content-Type: application/json",
				"Content-Length: " + (LIMIT + 1));
		assertThat(answer.status()).isEqualTo(401);
		assertThat(runtime.calls()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { PUBLIC, PROTECTED })
	void refusesAChunkedBodyWith413OnceItPassesTheLimit(String path) {
		Answer answer = this.raw.exchange(chunked(path, LIMIT + 1));
		expectContentTooLarge(answer);
		// The runtime may have seen the start of the request, cut off: never all of it.
		assertThat(runtime.received()).isEmpty();
		// The gateway answers the next request as before.
		assertThat(this.raw.exchange(chunked(path, 10)).status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { PUBLIC, PROTECTED })
	void forwardsABodyOfExactlyTheLimit(String path) {
		assertThat(this.raw.exchange(chunked(path, LIMIT)).status()).isEqualTo(200);
		assertThat(runtime.lastReceived().body()).hasSize(LIMIT);
		String body = "a".repeat(LIMIT);
		Answer declared = this.raw.exchange(("POST " + path + " HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer "
				+ TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: " + LIMIT
				+ "\r\nConnection: close\r\n\r\n" + body)
			.getBytes(StandardCharsets.ISO_8859_1));
		assertThat(declared.status()).isEqualTo(200);
		assertThat(runtime.lastReceived().body()).isEqualTo(body);
	}

	@Test
	void streamsABodyToTheTargetWhileItArrives() {
		try (RawHttp.Connection connection = this.raw.connect()) {
			connection.send(("POST " + PUBLIC + " HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n"
					+ "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			connection.send(chunk(1024));
			// The runtime is called before the body is complete: nothing holds it back.
			await().atMost(Duration.ofSeconds(5)).until(() -> runtime.calls() == 1);
			connection.send(chunk(1024));
			connection.send("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			assertThat(connection.answer().status()).isEqualTo(200);
		}
		assertThat(runtime.lastReceived().body()).hasSize(2048);
	}

	private static JsonNode expectContentTooLarge(Answer answer) {
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
		JsonNode problem = json.readTree(answer.body());
		assertThat(problem.path("type").asString()).isEqualTo("urn:frontline:problem:content-too-large");
		assertThat(problem.path("status").asInt()).isEqualTo(413);
		return problem;
	}

	/**
	 * A POST with a chunked body of the given size, in chunks of 8 KB at most.
	 */
	private static List<byte[]> chunked(String path, int size) {
		List<byte[]> parts = new ArrayList<>();
		parts.add(("POST " + path + " HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + TOKEN
				+ "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		for (int sent = 0; sent < size; sent += 8192) {
			parts.add(chunk(Math.min(8192, size - sent)));
		}
		parts.add("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		return parts;
	}

	private static byte[] chunk(int size) {
		return (Integer.toHexString(size) + "\r\n" + "a".repeat(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
	}

}
