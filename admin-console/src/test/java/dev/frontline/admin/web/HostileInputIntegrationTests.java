package dev.frontline.admin.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.frontline.admin.ConsoleServer;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console answers to input meant to break it, on a real server: malformed JSON,
 * bodies too large, the wrong content type, methods it does not have, huge query strings,
 * paths that are not UTF-8 or climb out of where they point, and changes without the
 * credentials or the role. Never a 5xx, and never a change: the config version and the
 * audit log stay as they were.
 */
@ConsoleServer
class HostileInputIntegrationTests {

	private static final String ROUTES = "/api/v1/routes";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	private long version;

	private long newestAuditEvent;

	@BeforeEach
	void noteTheConfig() throws Exception {
		this.version = version();
		this.newestAuditEvent = newestAuditEvent();
	}

	@Test
	void refusesMalformedJsonWith400NamingWhereItBroke() throws Exception {
		List<String> bodies = List.of("{", "{\"id\": }", "{'id': 'quoted'}", "{\"id\": \"a\"} {\"id\": \"b\"}",
				"{\"id\": \"a\", \"id\": \"b\"}", "{\"id\": NaN}", "{\"id\": \"x\" /* comment */}", "[]", "\"a route\"",
				"42", "[".repeat(100_000), "{\"order\": " + "9".repeat(5000) + "}", "\u0000", "");
		for (String body : bodies) {
			HttpResponse<String> response = send(operator(post(ROUTES, body, "application/json")));
			String shown = (body.length() > 40) ? body.substring(0, 40) + "..." : body;
			assertProblem(response, 400).as(shown).isIn("malformed-request", "invalid-route");
			assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field")).as(shown).isNotEmpty();
		}
		byte[] notUtf8 = { '{', '"', 'i', 'd', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}' };
		assertProblem(send(operator(post(ROUTES, BodyPublishers.ofByteArray(notUtf8), "application/json"))), 400)
			.isEqualTo("malformed-request");
		assertNothingChanged();
	}

	@Test
	void refusesABodyOverTheLimitWith413() throws Exception {
		String tooLarge = route("too-large", "x".repeat(3 * 1024 * 1024));
		HttpResponse<String> declared = send(operator(post(ROUTES, tooLarge, "application/json")));
		assertProblem(declared, 413).isEqualTo("request-too-large");
		assertThat(JsonPath.<String>read(declared.body(), "$.detail")).contains("2097152 bytes")
			.contains("frontline.admin.request-body.max-size");
		// Without a Content-Length the body is cut off where it passes the limit.
		BodyPublisher streamed = BodyPublishers
			.ofInputStream(() -> new ByteArrayInputStream(tooLarge.getBytes(StandardCharsets.UTF_8)));
		assertProblem(send(operator(post(ROUTES, streamed, "application/json"))), 413).isEqualTo("request-too-large");
		// Under the limit, the body is read, and refused for what it says.
		HttpResponse<String> large = send(
				operator(post(ROUTES, route("large", "x".repeat(1024 * 1024)), "application/json")));
		assertProblem(large, 400).isEqualTo("malformed-request");
		assertThat(JsonPath.<List<String>>read(large.body(), "$.errors[*].field")).containsExactly("padding");
		assertNothingChanged();
	}

	@Test
	void refusesAWrongContentTypeWith415() throws Exception {
		String body = route("wrong-type", "");
		for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "application/octet-stream")) {
			HttpResponse<String> response = send(operator(post(ROUTES, body, type)));
			assertThat(response.statusCode()).as(type).isEqualTo(415);
			assertThat(response.headers().firstValue("Content-Type")).as(type)
				.hasValueSatisfying((value) -> assertThat(value).startsWith("application/problem+json"));
		}
		// Read as a form, a body on several lines makes parameter names no request may
		// have.
		assertProblem(send(operator(post(ROUTES, body.replace(", ", ",\n"), "application/x-www-form-urlencoded"))), 400)
			.isEqualTo("request-rejected");
		assertNothingChanged();
	}

	@Test
	void refusesMethodsTheApiDoesNotHaveWith405() throws Exception {
		HttpResponse<String> patch = send(operator(HttpRequest.newBuilder(uri(ROUTES + "/product"))
			.method("PATCH", BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json")));
		assertThat(patch.statusCode()).isEqualTo(405);
		assertThat(patch.headers().firstValue("Allow")).hasValueSatisfying(
				(allow) -> assertThat(allow.split(",\\s*")).contains("GET", "PUT", "DELETE").doesNotContain("PATCH"));
		assertThat(send(operator(HttpRequest.newBuilder(uri(ROUTES))
			.PUT(BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json"))).statusCode()).isEqualTo(405);
		for (String[] credentials : List.of(new String[] { basic("operator") }, new String[0])) {
			RawHttp.Response unknown = RawHttp.send(this.port, "FOO", ROUTES, credentials);
			assertThat(unknown.status()).isEqualTo(405);
			assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
			assertThat(unknown.body()).contains("urn:frontline:problem:method-not-allowed");
			assertThat(unknown.header("Allow")).contains("GET", "POST", "PUT", "DELETE");
		}
		assertThat(RawHttp.send(this.port, "TRACE", ROUTES, basic("operator")).status()).isEqualTo(405);
		assertNothingChanged();
	}

	@Test
	void refusesAHugeQueryStringWithoutAServerError() throws Exception {
		RawHttp.Response huge = RawHttp.send(this.port, "GET", ROUTES + "?q=" + "a".repeat(20_000), basic("viewer"));
		assertThat(huge.status()).isIn(400, 414, 431);
		assertThat(huge.body()).doesNotContain("Exception").doesNotContain("\"routes\"");
		HttpResponse<String> many = send(
				viewer(HttpRequest.newBuilder(uri("/api/v1/audit?" + "limit=1&".repeat(600)))));
		assertThat(many.statusCode()).isBetween(200, 499);
		assertThat(send(viewer(HttpRequest.newBuilder(uri(ROUTES)))).statusCode()).as("still serving").isEqualTo(200);
		assertNothingChanged();
	}

	@Test
	void refusesPathsThatAreNotUtf8() throws Exception {
		byte[] raw = "/api/v1/routes/\u00ff\u00fe".getBytes(StandardCharsets.ISO_8859_1);
		List<RawHttp.Response> responses = List.of(RawHttp.send(this.port, "GET", raw, basic("viewer")),
				RawHttp.send(this.port, "GET", ROUTES + "/%FF%FE", basic("viewer")),
				// An overlong encoding of '/', which a lax decoder would take for one.
				RawHttp.send(this.port, "GET", ROUTES + "/%C0%AF..%C0%AFconfig", basic("viewer")),
				RawHttp.send(this.port, "DELETE", ROUTES + "/product%FF", basic("operator")));
		for (RawHttp.Response response : responses) {
			assertThat(response.status()).as(response.body()).isEqualTo(400);
		}
		assertThat(send(viewer(HttpRequest.newBuilder(uri(ROUTES + "/product")))).statusCode()).isEqualTo(200);
		assertNothingChanged();
	}

	@Test
	void refusesPathTraversalWithoutRevealingAnything() throws Exception {
		List<String> anonymous = List.of("/css/../api/v1/config", "/css/..%2Fapi/v1/config",
				"/css/%2e%2e/api/v1/config", "/css/;/../api/v1/config", "/webjars/../../application.yaml",
				"/js/..%5c..%5capplication.yaml", "/%2e%2e/%2e%2e/etc/passwd", "//api/v1/config",
				"/css/..;/api/v1/config", "/favicon.svg/..%252f..%252fapi/v1/config");
		for (String path : anonymous) {
			RawHttp.Response response = RawHttp.send(this.port, "GET", path);
			assertThat(response.status()).as(path).isIn(400, 401, 404);
			assertThat(response.body()).as(path)
				.doesNotContain("\"routes\"")
				.doesNotContain("datasource")
				.doesNotContain("root:");
		}
		for (String path : List.of(ROUTES + "/../config", ROUTES + "/%2e%2e/config", ROUTES + "/./product",
				ROUTES + "/product;x=1", ROUTES + "/product%252F..")) {
			RawHttp.Response response = RawHttp.send(this.port, "GET", path, basic("viewer"));
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
			assertThat(response.body()).as(path).contains("urn:frontline:problem:request-rejected");
		}
		assertThat(RawHttp.send(this.port, "DELETE", ROUTES + "/x/../product", basic("operator")).status())
			.isEqualTo(400);
		assertThat(send(viewer(HttpRequest.newBuilder(uri(ROUTES + "/product")))).statusCode()).isEqualTo(200);
		assertNothingChanged();
	}

	@Test
	void changesNothingWithoutCredentialsOrTheRole() throws Exception {
		String body = route("sneaked-in", "");
		assertThat(send(post(ROUTES, body, "application/json")).statusCode()).isEqualTo(401);
		assertThat(send(post(ROUTES, body, "application/json").header("Authorization", "Basic b3BlcmF0b3I6d3Jvbmc="))
			.statusCode()).isEqualTo(401);
		assertThat(send(as("viewer", post(ROUTES, body, "application/json"))).statusCode()).isEqualTo(403);
		assertThat(send(as("viewer", HttpRequest.newBuilder(uri(ROUTES + "/product")).DELETE())).statusCode())
			.isEqualTo(403);
		// A method override is no way around the role: the console takes none.
		assertThat(send(
				viewer(HttpRequest.newBuilder(uri(ROUTES + "/product")).header("X-HTTP-Method-Override", "DELETE")))
			.statusCode()).isEqualTo(200);
		assertThat(send(as("viewer", post(ROUTES + "/product?_method=DELETE", "", "application/x-www-form-urlencoded")))
			.statusCode()).isEqualTo(403);
		assertThat(send(as("viewer",
				HttpRequest.newBuilder(uri("/routes/product/delete?_method=DELETE")).POST(BodyPublishers.noBody())))
			.statusCode()).isIn(302, 401, 403);
		// Credentials a browser replays from another site need the CSRF token.
		assertThat(send(operator(post(ROUTES, body, "application/json")).header("Sec-Fetch-Site", "cross-site"))
			.statusCode()).isEqualTo(403);
		assertThat(send(viewer(HttpRequest.newBuilder(uri(ROUTES + "/product")))).statusCode()).isEqualTo(200);
		assertThat(send(viewer(HttpRequest.newBuilder(uri(ROUTES + "/sneaked-in")))).statusCode()).isEqualTo(404);
		assertNothingChanged();
	}

	private void assertNothingChanged() throws Exception {
		assertThat(version()).as("config version").isEqualTo(this.version);
		assertThat(newestAuditEvent()).as("newest audit event").isEqualTo(this.newestAuditEvent);
	}

	/**
	 * Checks a problem answer of the given status, and returns its type's name for more
	 * checks.
	 */
	private static AbstractStringAssert<?> assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		String type = JsonPath.read(response.body(), "$.type");
		assertThat(type).startsWith("urn:frontline:problem:");
		return assertThat(type.substring("urn:frontline:problem:".length()));
	}

	private long version() throws Exception {
		HttpResponse<String> response = send(viewer(HttpRequest.newBuilder(uri("/api/v1/config"))));
		return Long.parseLong(response.headers().firstValue("X-Config-Version").orElseThrow());
	}

	private long newestAuditEvent() throws Exception {
		List<Integer> ids = JsonPath.read(send(viewer(HttpRequest.newBuilder(uri("/api/v1/audit?limit=1")))).body(),
				"$[*].id");
		return ids.isEmpty() ? 0 : ids.get(0);
	}

	/**
	 * A route document whose unknown field {@code padding} holds the given text, to make
	 * it as large as wanted.
	 */
	private static String route(String id, String padding) {
		return "{\"id\": \"%s\", \"match\": {\"path\": \"/api/hostile/%s\"}, \"padding\": \"%s\", ".formatted(id, id,
				padding) + "\"stable\": {\"uris\": [\"http://127.0.0.1:1\"], \"function\": \"product\"}}";
	}

	private HttpRequest.Builder post(String path, String body, String contentType) {
		return post(path, BodyPublishers.ofString(body), contentType);
	}

	private HttpRequest.Builder post(String path, BodyPublisher body, String contentType) {
		return HttpRequest.newBuilder(uri(path)).POST(body).header("Content-Type", contentType);
	}

	private HttpRequest.Builder operator(HttpRequest.Builder request) {
		return as("operator", request);
	}

	private HttpRequest.Builder viewer(HttpRequest.Builder request) {
		return as("viewer", request);
	}

	private static HttpRequest.Builder as(String user, HttpRequest.Builder request) {
		return request.header("Authorization", basic(user).substring("Authorization: ".length()));
	}

	/**
	 * The header line of the local user's credentials; each password equals the name.
	 */
	private static String basic(String user) {
		return "Authorization: Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
