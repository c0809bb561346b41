package dev.frontline.admin.catalogue;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Fetches the catalogues of function runtimes, {@code GET {uri}/functions}, with short
 * timeouts, and keeps each for a few seconds, so that a burst of route writes to one
 * runtime asks it once.
 */
class FunctionCatalogues {

	private static final TypeReference<List<CatalogedFunction>> ENTRIES = new TypeReference<>() {
	};

	private final RestClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	private final CatalogueProperties properties;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	FunctionCatalogues(CatalogueProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		// HTTP/1.1: no upgrade attempt, which some runtimes answer slowly or not at all.
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(properties.readTimeout());
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	/**
	 * The catalogue of the function runtime at the given base URI, fetched at most
	 * {@link CatalogueProperties#cacheFor()} ago.
	 * @throws CatalogueUnreachable if it cannot be fetched or read
	 */
	FunctionCatalogue fetch(String uri) {
		String base = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(base);
		if (cached != null && now.isBefore(cached.expires())) {
			return cached.catalogue();
		}
		FunctionCatalogue catalogue = download(base);
		this.cache.values().removeIf((entry) -> !now.isBefore(entry.expires()));
		if (!this.properties.cacheFor().isZero()) {
			this.cache.put(base, new Cached(catalogue, now.plus(this.properties.cacheFor())));
		}
		return catalogue;
	}

	private FunctionCatalogue download(String base) {
		List<CatalogedFunction> entries;
		try {
			String body = this.http.get()
				.uri(URI.create(base + "/functions"))
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(String.class);
			entries = this.json.readValue(Objects.requireNonNullElse(body, ""), ENTRIES);
		}
		catch (RestClientException | JacksonException | IllegalArgumentException ex) {
			throw new CatalogueUnreachable(base, reason(ex), ex);
		}
		if (entries == null) {
			throw new CatalogueUnreachable(base, "the answer is null, not a JSON array", null);
		}
		// Entries without a name cannot be called.
		return new FunctionCatalogue(
				entries.stream().filter((entry) -> entry != null && entry.name() != null).toList());
	}

	/**
	 * What went wrong: the client's exceptions wrap the one that names it, such as a
	 * {@code ConnectException} or an {@code HttpTimeoutException}.
	 */
	private static String reason(Exception failure) {
		Throwable cause = (failure instanceof RestClientException && failure.getCause() != null) ? failure.getCause()
				: failure;
		String name = cause.getClass().getSimpleName();
		String message = cause.getMessage();
		// Parsers quote the offending document on further lines.
		return (message != null) ? name + ": " + message.lines().findFirst().orElse("") : name;
	}

	private record Cached(FunctionCatalogue catalogue, Instant expires) {

	}

}
