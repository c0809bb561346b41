package dev.frontline.contract;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Which browser origins may call a route, answered by the gateway (including preflight).
 *
 * @param allowedOrigins origins such as {@code https://shop.example.com}, or
 * {@code https://*.example.com}, or {@code *} for any
 * @param allowedMethods methods allowed cross-origin; empty for the route's methods (or
 * GET, HEAD and POST when the route takes any)
 * @param allowedHeaders request headers allowed cross-origin, or {@code *}; default
 * {@code Authorization} and {@code Content-Type}
 * @param exposedHeaders response headers a browser may read; default none
 * @param allowCredentials whether cookies and credentials may be sent; not with {@code *}
 * origins; default false
 * @param maxAge how long a browser may cache a preflight answer, up to 1 day; default 30m
 */
@Consistent
public record CorsPolicy(@NotNull @Size(min = 1, max = 50) List<@NotNull @Pattern(regexp = ORIGIN,
		message = "must be *, or an origin such as https://shop.example.com or https://*.example.com") String> allowedOrigins,
		@NotNull List<@NotNull @Pattern(regexp = RouteMatch.METHODS,
				message = RouteMatch.METHOD_MESSAGE) String> allowedMethods,
		@NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = "\\*|[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}",
				message = "must be * or an HTTP header name") String> allowedHeaders,
		@NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = "[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}",
				message = "must be an HTTP header name") String> exposedHeaders,
		@JsonSetter(nulls = Nulls.AS_EMPTY) boolean allowCredentials,
		@NotNull @DurationRange(minMillis = 0, maxMillis = 86_400_000) @JsonSerialize(
				using = DurationJson.Serializer.class) @JsonDeserialize(
						using = DurationJson.Deserializer.class) Duration maxAge)
		implements
			SelfChecking {

	static final String ORIGIN = "\\*|https?://(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9.-]{0,252})(:[0-9]{1,5})?";

	/** The preflight cache time of a policy that names none. */
	public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(30);

	public CorsPolicy {
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
		allowedMethods = (allowedMethods != null) ? List.copyOf(allowedMethods) : List.of();
		allowedHeaders = (allowedHeaders != null) ? List.copyOf(allowedHeaders)
				: List.of("Authorization", "Content-Type");
		exposedHeaders = (exposedHeaders != null) ? List.copyOf(exposedHeaders) : List.of();
		maxAge = (maxAge != null) ? maxAge : DEFAULT_MAX_AGE;
	}

	/**
	 * Allows the given origins with default settings.
	 */
	public static CorsPolicy allowing(String... origins) {
		return new CorsPolicy(List.of(origins), null, null, null, false, null);
	}

	@Override
	public void checkConsistency(Problems problems) {
		if (this.allowCredentials && this.allowedOrigins.contains("*")) {
			problems.add("allowedOrigins", "must name origins, not *, when credentials are allowed");
		}
	}

}
