package dev.frontline.functions.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * What a function answered: status, headers and body, with the parts a test asserts most.
 * Its {@code toString()} shows the status and body, so that an assertion
 * {@code assertThat(answer.status()).as(answer.toString())} explains a failure.
 */
public final class FunctionAnswer {

	/**
	 * The header that marks an answer missing optional parts.
	 */
	public static final String PARTIAL_HEADER = "X-Frontline-Partial";

	private final int status;

	private final HttpHeaders headers;

	private final byte[] body;

	private final JsonMapper json;

	FunctionAnswer(int status, HttpHeaders headers, byte[] body, JsonMapper json) {
		this.status = status;
		this.headers = headers;
		this.body = body;
		this.json = json;
	}

	/**
	 * The HTTP status.
	 * @return such as 200 or 503
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The response headers.
	 * @return the headers
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * A response header.
	 * @param name the header name
	 * @return its first value, or {@code null}
	 */
	public @Nullable String header(String name) {
		return this.headers.getFirst(name);
	}

	/**
	 * The body as text.
	 * @return the body, empty if there is none
	 */
	public String body() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * The body as a JSON tree.
	 * @return the tree
	 */
	public JsonNode json() {
		return this.json.readTree(this.body);
	}

	/**
	 * The body read as a type, such as the function's output record.
	 * @param <T> the type
	 * @param type the type
	 * @return the body
	 */
	public <T> T as(Class<T> type) {
		return this.json.readValue(this.body, type);
	}

	/**
	 * Whether the runtime marked the answer as missing optional parts
	 * ({@code X-Frontline-Partial: true}).
	 * @return {@code true} for a partial answer
	 */
	public boolean isPartial() {
		return "true".equals(header(PARTIAL_HEADER));
	}

	/**
	 * The parts the body names as missing: its {@code missing} field.
	 * @return the names, empty if the body names none
	 */
	public List<String> missing() {
		List<String> missing = new ArrayList<>();
		if (this.body.length > 0) {
			json().path("missing").forEach((name) -> missing.add(name.asString()));
		}
		return missing;
	}

	/**
	 * The problem type of an error answer.
	 * @return such as {@code urn:frontline:problem:backend-timeout}, or {@code null} if
	 * the answer is not {@code application/problem+json}
	 */
	public @Nullable String problemType() {
		MediaType type = this.headers.getContentType();
		if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)) {
			return null;
		}
		return json().path("type").asString();
	}

	@Override
	public String toString() {
		return this.status + " " + body();
	}

}
