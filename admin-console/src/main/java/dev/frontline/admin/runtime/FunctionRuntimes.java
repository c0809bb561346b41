package dev.frontline.admin.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The function runtimes the console operates on, and the one client it calls their
 * operator endpoints with: short timeouts, no redirects, and the control-plane token on
 * every call. Answers of any status are handed back as they are; only a runtime that
 * cannot be reached, or does not answer in time, fails the call.
 */
public class FunctionRuntimes {

	private static final int MAX_BODY_CHARS = 1024 * 1024;

	private final List<String> uris;

	private final RestClient http;

	FunctionRuntimes(List<String> uris, Duration connectTimeout, Duration readTimeout, String token) {
		this.uris = List.copyOf(new LinkedHashSet<>(uris.stream().map(FunctionRuntimes::normalize).toList()));
		if (this.uris.isEmpty()) {
			throw new IllegalArgumentException("At least one function runtime is needed");
		}
		// HTTP/1.1: no upgrade attempt, which some runtimes answer slowly or not at all.
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(readTimeout);
		this.http = RestClient.builder()
			.requestFactory(requests)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build();
	}

	/**
	 * The base URIs of the configured runtimes, in the configured order, without a
	 * trailing slash.
	 */
	public List<String> uris() {
		return this.uris;
	}

	/**
	 * The first configured runtime, where timer triggers fire unless they name another.
	 */
	public String first() {
		return this.uris.get(0);
	}

	/**
	 * The configured runtime a URI names, ignoring a trailing slash.
	 */
	public Optional<String> configured(@Nullable String uri) {
		if (uri == null) {
			return Optional.empty();
		}
		String normalized = normalize(uri);
		return this.uris.stream().filter(normalized::equals).findFirst();
	}

	/**
	 * The base URI as the console compares and stores it: without trailing slashes.
	 */
	public static String normalize(String uri) {
		String stripped = uri.strip();
		while (stripped.endsWith("/")) {
			stripped = stripped.substring(0, stripped.length() - 1);
		}
		return stripped;
	}

	/**
	 * Calls a runtime without a body.
	 * @param runtime the runtime's base URI
	 * @param segments the path under it, one segment each (encoded here, so that an id or
	 * a function definition stays one segment)
	 * @param query query parameters
	 * @throws RuntimeUnreachable if it cannot be reached or does not answer in time
	 */
	public RuntimeAnswer call(HttpMethod method, String runtime, List<String> segments, Map<String, String> query) {
		return call(method, runtime, segments, query, Map.of(), null);
	}

	/**
	 * Calls a runtime.
	 * @param runtime the runtime's base URI
	 * @param segments the path under it, one segment each
	 * @param query query parameters
	 * @param headers headers besides the token
	 * @param json the JSON body, or {@code null} for none
	 * @throws RuntimeUnreachable if it cannot be reached or does not answer in time
	 */
	public RuntimeAnswer call(HttpMethod method, String runtime, List<String> segments, Map<String, String> query,
			Map<String, String> headers, @Nullable String json) {
		String base = normalize(runtime);
		URI uri;
		try {
			UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(base)
				.pathSegment(segments.toArray(String[]::new));
			query.forEach(builder::queryParam);
			// Encoded as literal text: an id or a definition holds no URI template.
			uri = builder.build().encode().toUri();
		}
		catch (IllegalArgumentException ex) {
			throw new RuntimeUnreachable(base, "not a valid URI: " + ex.getMessage(), ex);
		}
		try {
			RestClient.RequestBodySpec request = this.http.method(method)
				.uri(uri)
				.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
				.headers((all) -> headers.forEach(all::set));
			if (json != null) {
				request.contentType(MediaType.APPLICATION_JSON).body(json);
			}
			return request.exchange((sent, response) -> new RuntimeAnswer(base, response.getStatusCode().value(),
					read(response.getBody())), true);
		}
		catch (RestClientException | UncheckedIOException ex) {
			throw new RuntimeUnreachable(base, reason(ex), ex);
		}
	}

	private static String read(InputStream body) {
		try (body) {
			byte[] bytes = body.readNBytes(MAX_BODY_CHARS);
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What went wrong: the client's exceptions wrap the one that names it, such as a
	 * {@code ConnectException} or an {@code HttpTimeoutException}.
	 */
	static String reason(Exception failure) {
		Throwable cause = failure;
		while (cause.getCause() != null
				&& (cause instanceof RestClientException || cause instanceof UncheckedIOException)) {
			cause = cause.getCause();
		}
		String name = cause.getClass().getSimpleName();
		String message = cause.getMessage();
		return (message != null && !message.isBlank()) ? name + ": " + message.lines().findFirst().orElse("") : name;
	}

}
