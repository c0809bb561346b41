package dev.frontline.functions.async;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.awaitility.Awaitility.await;

/**
 * Calls a runtime's asynchronous invocation API as the gateway and the admin console do.
 */
final class AsyncCalls {

	static final String PASSPORT = "X-Frontline-Passport";

	static final String TOKEN = ControlPlaneProperties.DEFAULT_TOKEN;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebClient http = WebClient.create();

	private final String baseUrl;

	AsyncCalls(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * Asks for an invocation with a passport and more headers.
	 */
	Answer invoke(String definition, String json, String passport, Map<String, String> headers) {
		return exchange(HttpMethod.POST, "/async/" + definition, json, (sent) -> {
			sent.set(PASSPORT, passport);
			headers.forEach(sent::set);
		});
	}

	Answer invoke(String definition, String json, String passport) {
		return invoke(definition, json, passport, Map.of());
	}

	Answer status(String id, String passport) {
		return exchange(HttpMethod.GET, "/async/invocations/" + id, null, (sent) -> sent.set(PASSPORT, passport));
	}

	Answer cancel(String id, String passport) {
		return exchange(HttpMethod.DELETE, "/async/invocations/" + id, null, (sent) -> sent.set(PASSPORT, passport));
	}

	/**
	 * Calls an operator endpoint with the control-plane token.
	 */
	Answer operator(HttpMethod method, String path, @Nullable String json, Map<String, String> headers) {
		return exchange(method, path, json, (sent) -> {
			sent.setBearerAuth(TOKEN);
			headers.forEach(sent::set);
		});
	}

	Answer operator(HttpMethod method, String path) {
		return operator(method, path, null, Map.of());
	}

	Answer exchange(HttpMethod method, String path, @Nullable String json, Consumer<HttpHeaders> headers) {
		WebClient.RequestBodySpec request = this.http.method(method)
			.uri(URI.create(this.baseUrl + path))
			.headers(headers);
		WebClient.RequestHeadersSpec<?> spec = (json != null)
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue(json) : request;
		Answer answer = spec
			.exchangeToMono((response) -> response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((body) -> new Answer(response.statusCode().value(), response.headers().asHttpHeaders(),
						new String(body, StandardCharsets.UTF_8))))
			.block(TIMEOUT);
		if (answer == null) {
			throw new IllegalStateException("No answer to " + method + " " + path);
		}
		return answer;
	}

	/**
	 * Polls an invocation until it has one of the statuses.
	 * @return its last status answer
	 */
	JsonNode awaitStatus(String id, String passport, String... statuses) {
		List<String> expected = Arrays.asList(statuses);
		AtomicReference<JsonNode> last = new AtomicReference<>(MissingNode.getInstance());
		await().atMost(TIMEOUT)
			.pollInterval(Duration.ofMillis(50))
			.alias("invocation " + id + " to be " + expected + " (last seen " + last + ")")
			.until(() -> {
				JsonNode body = status(id, passport).json();
				last.set(body);
				return expected.contains(body.path("status").asString());
			});
		return last.get();
	}

	/**
	 * An answer.
	 */
	record Answer(int status, HttpHeaders headers, String body) {

		JsonNode json() {
			return this.body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(this.body);
		}

		String problemType() {
			return json().path("type").asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
