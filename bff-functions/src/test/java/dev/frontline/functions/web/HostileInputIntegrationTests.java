package dev.frontline.functions.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.frontline.functions.identity.Passports;
import dev.frontline.functions.testkit.FunctionAnswer;
import dev.frontline.functions.testkit.FunctionTest;
import dev.frontline.functions.testkit.FunctionTestKit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the running runtime answers to hostile requests that carry a valid passport: a
 * problem naming the fault (400, 404, 405, 413, 415), never a 500, and no backend call.
 * Requests that {@code WebClient} cannot send (targets that are not valid URIs) go over a
 * plain socket.
 */
@FunctionTest
class HostileInputIntegrationTests {

	private static final String PASSPORT = "X-Frontline-Passport";

	private static final byte[] CRLF = { '\r', '\n' };

	private static final byte[] CRLF_CRLF = { '\r', '\n', '\r', '\n' };

	private static final String MALFORMED = "urn:frontline:problem:malformed-request";

	private static final String NOT_FOUND = "urn:frontline:problem:function-not-found";

	private static final String PAGE = """
			{"profile":{"id":"alice","name":"Alice","tier":"gold"},"recommendations":{"items":[]},
			 "cart":{"user":"alice","items":[{"productId":"p1","name":"Mug","quantity":%s,"price":%s}],"total":%s}}""";

	@Autowired
	private FunctionTestKit kit;

	@Autowired
	private JsonMapper json;

	@Test
	void refusesTruncatedJsonWith400() {
		for (String truncated : List.of("{\"id\":", "{\"id\":\"p1", "{\"id\":\"p1\"", "[")) {
			FunctionAnswer answer = this.kit.call("product").as("alice").send(truncated);
			assertProblem(answer, 400, MALFORMED);
			assertThat(detail(answer)).isEqualTo("The request body is not valid JSON: it ends before the JSON does");
		}
		FunctionAnswer garbage = this.kit.call("product").as("alice").send("{\"id\": p1}");
		assertProblem(garbage, 400, MALFORMED);
		assertThat(detail(garbage)).isEqualTo("The request body is not valid JSON (line 1, column 8)");
		assertNoBackendCalled();
	}

	@Test
	void namesTheFieldOfTheWrongTypeWith400() {
		FunctionAnswer object = this.kit.call("product").as("alice").send("{\"id\":{\"id\":\"p1\"}}");
		assertProblem(object, 400, MALFORMED);
		assertThat(object.json().at("/errors/0/field").asString()).isEqualTo("id");
		assertThat(object.json().at("/errors/0/message").asString()).isEqualTo("must be a string");
		FunctionAnswer text = this.kit.call("mobileView").as("alice").send(PAGE.formatted("\"lots\"", "8.5", "8.5"));
		assertProblem(text, 400, MALFORMED);
		assertThat(detail(text)).isEqualTo("Field 'cart.items[0].quantity' must be a number");
		FunctionAnswer flag = this.kit.call("mobileView").as("alice").send(PAGE.formatted("true", "8.5", "8.5"));
		assertProblem(flag, 400, MALFORMED);
		assertThat(flag.json().at("/errors/0/field").asString()).isEqualTo("cart.items[0].quantity");
	}

	@Test
	void refusesJsonNestedTenThousandLevelsDeepWith400() {
		for (String deep : List.of("[".repeat(10_000) + "]".repeat(10_000),
				"{\"id\":".repeat(10_000) + "1" + "}".repeat(10_000))) {
			FunctionAnswer answer = this.kit.call("product").as("alice").send(deep);
			assertProblem(answer, 400, MALFORMED);
			assertThat(detail(answer)).isEqualTo("The request body goes beyond what the runtime reads: "
					+ "Document nesting depth (501) exceeds the maximum allowed (500)");
		}
		assertNoBackendCalled();
	}

	@Test
	void refusesHugeNumbersWith400NamingTheField() {
		Map<String, String> pages = Map.of(
				"Field 'cart.items[0].quantity' must be a whole number from -2147483648 to 2147483647",
				PAGE.formatted("99999999999999999999", "8.5", "8.5"),
				"Field 'cart.items[0].price' is a number out of range", PAGE.formatted("1", "1e999999999", "8.5"),
				"Field 'cart.total' is a number out of range", PAGE.formatted("1", "8.5", "-1" + "0".repeat(400)),
				"The request body goes beyond what the runtime reads: "
						+ "Number value length (5000) exceeds the maximum allowed (1000)",
				PAGE.formatted("1", "8.5", "9".repeat(5000)));
		pages.forEach((expected, page) -> {
			FunctionAnswer answer = this.kit.call("mobileView").as("alice").send(page);
			assertProblem(answer, 400, MALFORMED);
			assertThat(detail(answer)).isEqualTo(expected);
		});
	}

	@Test
	void refusesAJsonArrayWhereAnObjectIsExpectedWith400() {
		FunctionAnswer answer = this.kit.call("product").as("alice").send("[{\"id\":\"p1\"}]");
		assertProblem(answer, 400, MALFORMED);
		assertThat(detail(answer)).isEqualTo("The request body must be a JSON object");
		assertNoBackendCalled();
	}

	@Test
	void readsAnEmptyBodyAsAnEmptyObjectAndNamesWhatIsMissingWith400() {
		for (String empty : List.of("", "  \n")) {
			FunctionAnswer answer = this.kit.call("product").as("alice").send(empty);
			assertProblem(answer, 400, MALFORMED);
			assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("id");
			assertThat(answer.json().at("/errors/0/message").asString()).isEqualTo("must not be blank");
		}
		assertNoBackendCalled();
	}

	@Test
	void refusesOtherMediaTypesWith415() {
		for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", ";;;", "application/json; charset=nonsense")) {
			for (String path : List.of("/product", "/async/product")) {
				Response response = raw("POST", path.getBytes(StandardCharsets.US_ASCII), contentType,
						"{\"id\":\"p1\"}");
				assertThat(response.status()).as(path + " as " + contentType).isEqualTo(415);
				assertThat(response.problemType()).isEqualTo("urn:frontline:problem:unsupported-media-type");
			}
		}
		assertNoBackendCalled();
	}

	@Test
	void refusesABodyOverTheConfiguredLimitWith413() {
		// spring.http.codecs.max-in-memory-size: 256 KB
		String padding = "x".repeat(256 * 1024);
		for (String path : List.of("/product", "/async/product")) {
			Response response = post(path, "application/json", "{\"id\":\"p1\",\"padding\":\"" + padding + "\"}");
			assertThat(response.status()).as(path).isEqualTo(413);
			assertThat(response.problemType()).isEqualTo("urn:frontline:problem:payload-too-large");
			assertThat(response.json().path("detail").asString())
				.isEqualTo("The request body is larger than 262144 bytes");
		}
		assertNoBackendCalled();
	}

	@Test
	void answersUnknownFunctionsWith404() {
		for (String definition : List.of("nothing", "Product", "product,nothing", "functionRouter")) {
			FunctionAnswer answer = this.kit.call(definition).as("alice").send("{\"id\":\"p1\"}");
			assertProblem(answer, 404, NOT_FOUND);
		}
		assertNoBackendCalled();
	}

	@Test
	void answersCompositionSyntaxAbuseWithAProblem() {
		Map<String, Integer> abuses = Map.of("homePage%7C%7CmobileView", 404, "%7C", 404, "profile%7C", 404, "%2C", 404,
				"..%2Fprofile", 404, "%2e%2e%2fprofile", 404, "profile/..%2Fcart", 404,
				"profile,".repeat(400) + "profile", 404);
		abuses.forEach((definition, status) -> {
			FunctionAnswer answer = this.kit.call(definition).as("alice").send("{}");
			assertThat(answer.status()).as(definition).isEqualTo(status);
			assertThat(answer.problemType()).as(definition).isEqualTo(NOT_FOUND);
		});
		assertThat(detail(this.kit.call("homePage%7C%7CmobileView").as("alice").send()))
			.isEqualTo("No function 'homePage||mobileView': a name is empty; join function names with , or |");
		for (String target : List.of("/homePage||mobileView", "/|", "/profile|", "/../profile")) {
			Response response = raw("POST", target.getBytes(StandardCharsets.US_ASCII), "application/json", "{}");
			assertThat(response.status()).as(target).isEqualTo(404);
			assertThat(response.problemType()).as(target).isEqualTo(NOT_FOUND);
		}
		assertNoBackendCalled();
	}

	@Test
	void answersADefinitionLongerThanARequestLineWith414() {
		// Reactor Netty reads request lines of up to 4096 bytes
		// (server.netty.max-initial-line-length).
		Response response = raw("POST", ("/" + "profile,".repeat(1000) + "profile").getBytes(StandardCharsets.US_ASCII),
				"application/json", "{}");
		assertThat(response.status()).isEqualTo(414);
		assertNoBackendCalled();
	}

	@Test
	void composesWithAPipeSentUnencoded() {
		this.kit.backend("profile").get("/users/alice").respond(200, """
				{"id":"alice","name":"Alice","tier":"gold"}""");
		Response response = raw("POST", "/homePage|mobileView".getBytes(StandardCharsets.US_ASCII), "application/json",
				"{}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("greeting").asString()).isEqualTo("Hi Alice");
	}

	@Test
	void answersOtherMethodsWith405() {
		for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND")) {
			Response response = raw(method, "/product".getBytes(StandardCharsets.US_ASCII), "application/json",
					"{\"id\":\"p1\"}");
			assertThat(response.status()).as(method).isEqualTo(405);
			assertThat(response.header(HttpHeaders.ALLOW)).as(method).isEqualTo("POST");
			assertThat(response.problemType()).as(method).isEqualTo("urn:frontline:problem:method-not-allowed");
		}
		assertNoBackendCalled();
	}

	@Test
	void refusesInvalidUtf8InThePathWith400() {
		byte[] rawBytes = { '/', 'p', 'r', 'o', (byte) 0xC3, '(', 'd', 'u', 'c', 't' };
		Response raw = raw("POST", rawBytes, "application/json", "{\"id\":\"p1\"}");
		assertThat(raw.status()).isEqualTo(400);
		assertThat(raw.problemType()).isEqualTo(MALFORMED);
		assertThat(raw.json().path("detail").asString())
			.isEqualTo("The request path holds bytes that are not ASCII; send them percent-encoded as UTF-8");
		Response encoded = post("/pro%C3%28duct", "application/json", "{\"id\":\"p1\"}");
		assertThat(encoded.status()).isEqualTo(400);
		assertThat(encoded.json().at("/errors/0/field").asString()).isEqualTo("path");
		assertThat(encoded.json().at("/errors/0/message").asString()).isEqualTo("is not UTF-8 once percent-decoded");
		assertNoBackendCalled();
	}

	@Test
	void refusesInvalidUtf8InTheQueryWith400() {
		byte[] rawBytes = { '/', 'p', 'r', 'o', 'd', 'u', 'c', 't', '?', 'q', '=', (byte) 0xFF, (byte) 0xFE };
		Response raw = raw("POST", rawBytes, "application/json", "{\"id\":\"p1\"}");
		assertThat(raw.status()).isEqualTo(400);
		assertThat(raw.json().at("/errors/0/field").asString()).isEqualTo("query");
		Response encoded = post("/product?q=%C3%28", "application/json", "{\"id\":\"p1\"}");
		assertThat(encoded.status()).isEqualTo(400);
		assertThat(encoded.json().path("detail").asString())
			.isEqualTo("The request query is not UTF-8 once percent-decoded");
		assertNoBackendCalled();
	}

	@Test
	void refusesMalformedPercentEncodingWith400() {
		for (String target : List.of("/pro%ZZduct", "/product%", "/product?q=%G1", "/async/invocations/%ZZ")) {
			Response response = raw("POST", target.getBytes(StandardCharsets.US_ASCII), "application/json", "{}");
			assertThat(response.status()).as(target).isEqualTo(400);
			assertThat(response.problemType()).as(target).isEqualTo(MALFORMED);
			assertThat(response.json().at("/errors/0/message").asString()).as(target)
				.isEqualTo("has a '%' that is not followed by two hexadecimal digits");
		}
		assertNoBackendCalled();
	}

	@Test
	void refusesInvalidUtf8InAJsonBodyWith400() {
		byte[] body = "{\"id\":\"p?\"}".getBytes(StandardCharsets.UTF_8);
		body[8] = (byte) 0xFF;
		Response response = raw("POST", "/product".getBytes(StandardCharsets.US_ASCII), "application/json", body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.problemType()).isEqualTo(MALFORMED);
		assertThat(response.json().path("detail").asString()).isEqualTo("The request body is not valid UTF-8 (byte 8)");
		assertNoBackendCalled();
	}

	@Test
	void refusesAMissingForgedOrExpiredPassportWith401WithoutRunningTheFunction() {
		this.kit.backend("profile").get("/users/alice").respond(200, """
				{"id":"alice","name":"Alice","tier":"gold"}""");
		Map<String, String> passports = Map.of("forged", Passports.STRANGER.user("alice").sign(), "expired",
				Passports.DEV.user("alice").issuedAt(Instant.now().minusSeconds(120)).sign(), "unsigned",
				Passports.DEV.user("alice").unsigned(), "garbage", "not-a-passport");
		passports.forEach((what, passport) -> {
			Response response = exchange(HttpMethod.POST, "/homePage,mobileView", "application/json", "{}", passport);
			assertThat(response.status()).as(what).isEqualTo(401);
			assertThat(response.problemType()).as(what).isEqualTo("urn:frontline:problem:passport-invalid");
		});
		Response missing = exchange(HttpMethod.POST, "/homePage,mobileView", "application/json", "{\"user\":", null);
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.problemType()).isEqualTo("urn:frontline:problem:passport-required");
		assertNoBackendCalled();
	}

	private void assertNoBackendCalled() {
		for (String backend : List.of("profile", "catalog", "cart")) {
			assertThat(this.kit.backend(backend).requests()).as("calls of the " + backend + " backend").isEmpty();
		}
	}

	private static void assertProblem(FunctionAnswer answer, int status, String type) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
		assertThat(answer.problemType()).as(answer.toString()).isEqualTo(type);
	}

	private static String detail(FunctionAnswer answer) {
		return answer.json().path("detail").asString();
	}

	private Response post(String target, String contentType, String body) {
		return exchange(HttpMethod.POST, target, contentType, body, Passports.DEV.user("alice").sign());
	}

	private Response exchange(HttpMethod method, String target, String contentType, String body,
			@Nullable String passport) {
		Response response = WebClient.create()
			.method(method)
			.uri(URI.create(this.kit.baseUrl() + target))
			.header(HttpHeaders.CONTENT_TYPE, contentType)
			.headers((headers) -> {
				if (passport != null) {
					headers.set(PASSPORT, passport);
				}
			})
			.bodyValue(body)
			.exchangeToMono((answer) -> answer.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> new Response(answer.statusCode().value(), answer.headers().asHttpHeaders(), bytes,
						this.json)))
			.block(Duration.ofSeconds(30));
		assertThat(response).isNotNull();
		return response;
	}

	private Response raw(String method, byte[] target, String contentType, String body) {
		return raw(method, target, contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	// HTTP/1.1 over a socket, for request lines that no HTTP client sends.
	private Response raw(String method, byte[] target, String contentType, byte[] body) {
		URI base = URI.create(this.kit.baseUrl());
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(30_000);
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			request.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
			request.writeBytes(target);
			request.writeBytes((" HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nContent-Type: " + contentType
					+ "\r\n" + PASSPORT + ": " + Passports.DEV.user("alice").sign() + "\r\nContent-Length: "
					+ body.length + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			request.writeBytes(body);
			socket.getOutputStream().write(request.toByteArray());
			socket.getOutputStream().flush();
			return read(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Response read(byte[] message) {
		int end = indexOf(message, CRLF_CRLF, 0);
		String[] lines = new String(message, 0, end, StandardCharsets.US_ASCII).split("\r\n");
		HttpHeaders headers = new HttpHeaders();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.add(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
		}
		byte[] body = Arrays.copyOfRange(message, end + CRLF_CRLF.length, message.length);
		if ("chunked".equalsIgnoreCase(headers.getFirst(HttpHeaders.TRANSFER_ENCODING))) {
			body = dechunk(body);
		}
		return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, body, this.json);
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOf(chunked, CRLF, at);
			int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).trim(), 16);
			if (size == 0) {
				break;
			}
			body.write(chunked, lineEnd + CRLF.length, size);
			at = lineEnd + CRLF.length + size + CRLF.length;
		}
		return body.toByteArray();
	}

	private static int indexOf(byte[] bytes, byte[] part, int from) {
		for (int i = from; i <= bytes.length - part.length; i++) {
			if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
				return i;
			}
		}
		throw new IllegalStateException("No " + Arrays.toString(part) + " in the answer");
	}

	/**
	 * An answer, however it was sent.
	 */
	private record Response(int status, HttpHeaders headers, byte[] bytes, JsonMapper mapper) {

		String body() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		JsonNode json() {
			return this.mapper.readTree((this.bytes.length > 0) ? this.bytes : "{}".getBytes(StandardCharsets.UTF_8));
		}

		@Nullable String header(String name) {
			return this.headers.getFirst(name);
		}

		@Nullable String problemType() {
			MediaType type = this.headers.getContentType();
			if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)) {
				return null;
			}
			return json().path("type").asString();
		}

	}

}
