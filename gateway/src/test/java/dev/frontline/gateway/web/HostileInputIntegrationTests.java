package dev.frontline.gateway.web;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.gateway.testing.AbstractGatewayIntegrationTests;
import dev.frontline.gateway.testing.FunctionRuntimeStub;
import dev.frontline.gateway.testing.Passports;
import dev.frontline.gateway.testing.RawHttp;
import dev.frontline.gateway.testing.RawHttp.Answer;
import dev.frontline.gateway.testing.Tokens;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on a port with its own settings, a public route ({@code /api/catalog/**})
 * and a route that takes a bearer token ({@code /api/orders/**}), sent what a hostile
 * client sends, over a plain socket where an HTTP client would refuse the bytes. Every
 * answer is a 4xx, no request reaches the function runtime unless it was sent as it
 * should be, and no request reaches the protected route without a valid token.
 * <p>
 * What is refused where: the HTTP server answers requests it cannot parse with a status
 * and no body (oversized headers 431, an overlong request line 414, control characters in
 * a header, ambiguous body framing or malformed percent-encoding 400), before the gateway
 * sees them; the gateway's firewall answers methods no route can name (405) and paths or
 * query strings that could name something else or carry control characters (400), with a
 * problem, before any route is matched. The function runtime never sees the request path:
 * it is called on the function of the route that matched.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "frontline.gateway.id=hostile-input-test" })
class HostileInputIntegrationTests extends AbstractGatewayIntegrationTests {

	private static final String PUBLIC = "/api/catalog/p1";

	private static final String PROTECTED = "/api/orders/o1";

	private static final JsonMapper json = JsonMapper.builder().build();

	@AutoClose
	static FunctionRuntimeStub runtime = FunctionRuntimeStub.start("runtime");

	@LocalServerPort
	int port;

	RawHttp raw;

	@BeforeEach
	void routes() {
		Set<String> methods = Set.of("GET", "POST");
		this.routes.apply(ConfigSnapshot.of(1, Instant.now(), "test", List.of(
				RouteRule
					.of("catalog", new RouteMatch("/api/catalog/**", methods, List.of(), List.of()),
							Target.of(runtime.uri(), "catalog"))
					.withAuth(AuthPolicy.publicAccess()),
				RouteRule
					.of("orders", new RouteMatch("/api/orders/**", methods, List.of(), List.of()),
							Target.of(runtime.uri(), "orders"))
					.withAuth(AuthPolicy.authenticated()))));
		this.raw = new RawHttp(this.port);
		runtime.reset();
	}

	@Test
	void forwardsWellFormedRequestsOnBothRoutes() {
		assertThat(this.raw.send("GET " + PUBLIC + "?q=caf%C3%A9 HTTP/1.1").status()).isEqualTo(200);
		assertThat(runtime.lastReceived().body()).isEqualTo("{\"q\":\"café\"}");
		assertThat(this.raw.send("GET " + PROTECTED + " HTTP/1.1", bearer(Tokens.hs256((claims) -> {
		}))).status()).isEqualTo(200);
		assertThat(runtime.lastReceived().path()).isEqualTo("/orders");
	}

	@ParameterizedTest
	@CsvSource({ PUBLIC + ", 200", PROTECTED + ", 401" })
	void answersOversizedHeadersWith431(String path, int statusWithinTheLimit) {
		// 16 KB for all headers together (server.max-http-request-header-size): a token
		// too long for the gateway's own check (8192 characters) gets that far, and is
		// ignored on the public route, refused on the protected one.
		assertThat(
				this.raw.send("GET " + path + " HTTP/1.1", "Authorization: Bearer " + "a".repeat(12 * 1024)).status())
			.isEqualTo(statusWithinTheLimit);
		assertThat(
				this.raw.send("GET " + path + " HTTP/1.1", "Authorization: Bearer " + "a".repeat(17 * 1024)).status())
			.isEqualTo(431);
		assertThat(this.raw.send("GET " + path + " HTTP/1.1", "X-Padding: " + "a".repeat(17 * 1024)).status())
			.isEqualTo(431);
		assertThat(this.raw.send("GET " + path + " HTTP/1.1", manyHeaders(20, 1024)).status()).isEqualTo(431);
		assertThat(runtime.calls()).isEqualTo((statusWithinTheLimit == 200) ? 1 : 0);
	}

	@ParameterizedTest
	@ValueSource(strings = { PUBLIC, PROTECTED })
	void answersOverlongRequestLinesWith414(String path) {
		// 8 KB for the request line (server.netty.max-initial-line-length).
		assertThat(this.raw.send("GET " + path + "?q=" + "a".repeat(9 * 1024) + " HTTP/1.1").status()).isEqualTo(414);
		assertThat(this.raw.send("GET " + path + "/" + "a".repeat(9 * 1024) + " HTTP/1.1").status()).isEqualTo(414);
		assertThat(runtime.calls()).isZero();
	}

	@Test
	void forwardsAQueryStringWithinTheRequestLineLimit() {
		String query = "a".repeat(6 * 1024);
		assertThat(this.raw.send("GET " + PUBLIC + "?q=" + query + " HTTP/1.1").status()).isEqualTo(200);
		assertThat(runtime.lastReceived().body()).isEqualTo("{\"q\":\"" + query + "\"}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/catalog/../orders/o1", "/api/catalog/%2e%2e/orders/o1",
			"/api/catalog/.%2E/orders/o1", "/api/catalog/%2e%2e%2forders/o1", "/api/catalog/..%2forders/o1",
			"/api/orders/../catalog/p1", "/api/orders/o1/..", "/api/catalog/./p1" })
	void refusesPathTraversalBeforeMatchingAnyRoute(String path) {
		expectProblem(this.raw.send("GET " + path + " HTTP/1.1"), 400, "invalid-path");
		assertThat(runtime.calls()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/catalog/p1%2Fx", "/api/catalog/p1%2fx", "/api/catalog/p1%5Cx",
			"/api/catalog/%252e%252e/orders/o1", "/api/catalog/p1%252Fx", "/api/orders/o1;jsessionid=1" })
	void refusesEncodedSeparatorsAndDoubleEncoding(String path) {
		expectProblem(this.raw.send("GET " + path + " HTTP/1.1"), 400, "invalid-path");
		assertThat(runtime.calls()).isZero();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/api/catalog/%ff%fe", "/api/catalog/%c0%af", "/api/catalog/%e2%82", "/api/orders/%c0%ae%c0%ae",
					"/api/catalog/p1?q=%ff%fe", "/api/catalog/p1?q=%c0%af", "/api/orders/o1?q=%e2%82" })
	void refusesInvalidUtf8InThePathOrQuery(String target) {
		String problem = target.contains("?") ? "invalid-query" : "invalid-path";
		expectProblem(this.raw.send("GET " + target + " HTTP/1.1"), 400, problem);
		assertThat(runtime.calls()).isZero();
	}

	@Test
	void refusesRawBytesThatAreNoUtf8InThePath() {
		byte[] request = ("GET /api/catalog/\u00ff\u00fe HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		expectProblem(this.raw.exchange(request), 400, "invalid-path");
		assertThat(runtime.calls()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/catalog/%zz", "/api/catalog/p1?q=%zz", "/api/catalog/p%1", "/api/orders/o1?q=%" })
	void answersMalformedPercentEncodingWith400FromTheServer(String target) {
		// The server cannot make a URI of it, so it answers before the gateway sees it.
		assertThat(this.raw.send("GET " + target + " HTTP/1.1").status()).isEqualTo(400);
		assertThat(runtime.calls()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/catalog/p1%0d%0aX-Injected:%20yes", "/api/orders/o1%0D%0AX-Injected:%20yes",
			"/api/catalog/p1?q=x%0d%0aX-Injected:%20yes", "/api/orders/o1?q=%0aX-Injected:%20yes", "/api/catalog/p1%00",
			"/api/catalog/p1?q=%00" })
	void refusesEncodedControlCharactersSoThatNoneCanReachAHeader(String target) {
		Answer answer = this.raw.send("GET " + target + " HTTP/1.1");
		expectProblem(answer, 400, target.contains("?") ? "invalid-query" : "invalid-path");
		assertThat(answer.header("X-Injected")).isNull();
		assertThat(runtime.calls()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "X-Note: a\rX-Injected: yes", "X-Note: a\nX-Injected: yes", "X-Note: a\u0000b",
			"X-Request-Id: r1\rX-Injected: yes", "Authorization: Bearer a\rX-Injected: yes" })
	void answersRawControlCharactersInAHeaderWith400(String headerLine) {
		for (String path : List.of(PUBLIC, PROTECTED)) {
			Answer answer = this.raw.send("GET " + path + " HTTP/1.1", headerLine);
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.header("X-Injected")).isNull();
		}
		assertThat(runtime.calls()).isZero();
	}

	@Test
	void answersAmbiguousBodyFramingWith400SoThatNoRequestCanBeSmuggled() {
		String smuggled = "GET " + PROTECTED + " HTTP/1.1\r\nHost: gateway\r\n\r\n";
		Answer both = this.raw.exchange(("POST " + PUBLIC + " HTTP/1.1\r\nHost: gateway\r\n"
				+ "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled)
			.getBytes(StandardCharsets.ISO_8859_1));
		assertThat(both.status()).isEqualTo(400);
		Answer twoLengths = this.raw
			.exchange(("POST " + PUBLIC + " HTTP/1.1\r\nHost: gateway\r\n" + "Content-Length: 0\r\nContent-Length: "
					+ smuggled.length() + "\r\n\r\n" + smuggled)
				.getBytes(StandardCharsets.ISO_8859_1));
		assertThat(twoLengths.status()).isEqualTo(400);
		assertThat(runtime.calls()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "FOO", "PROPFIND", "get", "TRACE", "Post" })
	void refusesMethodsNoRouteCanNameWith405(String method) {
		for (String path : List.of(PUBLIC, PROTECTED)) {
			Answer answer = this.raw.send(method + " " + path + " HTTP/1.1");
			expectProblem(answer, 405, "method-not-allowed");
			assertThat(answer.header("Allow")).isEqualTo("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
		}
		assertThat(runtime.calls()).isZero();
	}

	static Stream<Arguments> malformedTokens() {
		String nested = "{\"sub\":\"alice\",\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
		return Stream.of(Arguments.of("garbage", "not-a-jwt"), Arguments.of("dots only", ".."),
				Arguments.of("alg none", Tokens.unsigned((claims) -> {
				})), Arguments.of("alg none with a signature", Tokens.raw("{\"alg\":\"none\"}", "{\"sub\":\"alice\"}")),
				Arguments.of("wrong signature", Tokens.hs256(
						"another-secret-that-is-long-enough-for-hs256".getBytes(StandardCharsets.UTF_8), (claims) -> {
						})),
				Arguments.of("longer than the token limit",
						Tokens.hs256((claims) -> claims.claim("padding", "x".repeat(9000)))),
				Arguments.of("claims nested 2000 deep", Tokens.raw("{\"alg\":\"HS256\"}", nested)),
				Arguments.of("claims not an object", Tokens.raw("{\"alg\":\"HS256\"}", "[\"alice\"]")),
				Arguments.of("critical header it does not know",
						Tokens.raw("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", "{\"sub\":\"alice\"}")),
				Arguments.of("encrypted (five parts)", "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedTokens")
	void refusesAMalformedTokenWith401OnTheProtectedRoute(String kind, String token) {
		expectProblem(this.raw.send("GET " + PROTECTED + " HTTP/1.1", bearer(token)), 401, "credentials-invalid");
		assertThat(runtime.calls()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedTokens")
	void servesAMalformedTokenAsAnonymousOnThePublicRoute(String kind, String token) throws ParseException {
		assertThat(this.raw.send("GET " + PUBLIC + " HTTP/1.1", bearer(token)).status()).isEqualTo(200);
		String passport = runtime.lastReceived().header("X-Frontline-Passport");
		assertThat(passport).isNotNull();
		assertThat(Passports.verified(passport).getJWTClaimsSet().getSubject()).isEqualTo("anonymous");
		assertThat(runtime.lastReceived().header("Authorization")).isNull();
	}

	private static void expectProblem(Answer answer, int status, String type) {
		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
		JsonNode problem = json.readTree(answer.body());
		assertThat(problem.path("type").asString()).isEqualTo("urn:frontline:problem:" + type);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).isNotBlank();
		assertThat(problem.path("requestId").asString()).isNotBlank();
	}

	private static String bearer(String token) {
		return "Authorization: Bearer " + token;
	}

	private static String[] manyHeaders(int count, int size) {
		List<String> headers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			headers.add("X-Padding-" + i + ": " + "a".repeat(size));
		}
		return headers.toArray(String[]::new);
	}

}
