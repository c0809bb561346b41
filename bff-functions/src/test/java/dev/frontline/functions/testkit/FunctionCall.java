package dev.frontline.functions.testkit;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.frontline.functions.identity.Passports;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A call of a function about to be sent, as the gateway sends it: {@code POST} with a
 * JSON body and a passport naming the caller.
 */
public final class FunctionCall {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final WebClient http;

	private final String baseUrl;

	private final String definition;

	private final JsonMapper json;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private Passports.Draft passport = Passports.DEV.anonymous();

	FunctionCall(WebClient http, String baseUrl, String definition, JsonMapper json) {
		this.http = http;
		this.baseUrl = baseUrl;
		this.definition = definition;
		this.json = json;
	}

	/**
	 * Calls as a user who signed in with a token.
	 * @param user the subject
	 * @param scopes the scopes granted
	 * @return this call
	 */
	public FunctionCall as(String user, String... scopes) {
		this.passport = Passports.DEV.user(user, scopes);
		return this;
	}

	/**
	 * Calls without credentials, as on a public route; the default.
	 * @return this call
	 */
	public FunctionCall anonymous() {
		this.passport = Passports.DEV.anonymous();
		return this;
	}

	/**
	 * Sends a header too.
	 * @param name the header name
	 * @param value its value
	 * @return this call
	 */
	public FunctionCall header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/**
	 * Sends an empty object, {@code {}}, and waits for the answer.
	 * @return the answer
	 */
	public FunctionAnswer send() {
		return send("{}");
	}

	/**
	 * Sends a JSON body and waits for the answer.
	 * @param json the body, as is, even if it is not valid JSON
	 * @return the answer
	 */
	public FunctionAnswer send(String json) {
		FunctionAnswer answer = exchange(json).block(TIMEOUT);
		if (answer == null) {
			throw new IllegalStateException("No answer from " + this.definition);
		}
		return answer;
	}

	/**
	 * Sends an input, written as JSON, and waits for the answer.
	 * @param input such as the function's input record
	 * @return the answer
	 */
	public FunctionAnswer send(Object input) {
		return send(this.json.writeValueAsString(input));
	}

	/**
	 * Sends a JSON body without waiting, to make several calls at once.
	 * @param json the body
	 * @return the answer, when it comes
	 */
	public Mono<FunctionAnswer> exchange(String json) {
		String signed = this.passport.sign();
		return this.http.post()
			.uri(URI.create(this.baseUrl + "/" + this.definition))
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> {
				headers.set("X-Frontline-Passport", signed);
				this.headers.forEach(headers::set);
			})
			.bodyValue(json)
			.exchangeToMono((response) -> response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((body) -> new FunctionAnswer(response.statusCode().value(), response.headers().asHttpHeaders(),
						body, this.json)));
	}

}
