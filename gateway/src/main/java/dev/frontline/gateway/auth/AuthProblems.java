package dev.frontline.gateway.auth;

import dev.frontline.contract.AuthPolicy;
import dev.frontline.gateway.auth.AuthenticationFailed.Reason;
import dev.frontline.gateway.web.Problem;
import dev.frontline.gateway.web.ProblemWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers the requests the gateway refuses for want of identity: 401 with a
 * {@code WWW-Authenticate} challenge (RFC 6750) for missing, invalid or expired
 * credentials, 403 for missing scopes, 503 when the keys to verify tokens cannot be
 * obtained, each with a problem; and counts them by reason and route in
 * {@code frontline.gateway.auth.failures}. The reasons are a fixed set:
 * {@code insufficient_scope} and those of {@link Reason}.
 */
final class AuthProblems {

	static final String FAILURES = "frontline.gateway.auth.failures";

	/**
	 * The reason of a refusal for want of scopes; the others are {@link Reason#tag()}.
	 */
	static final String INSUFFICIENT_SCOPE = "insufficient_scope";

	private static final String CHALLENGE = "Bearer realm=\"frontline\"";

	private final ProblemWriter writer;

	private final Meter.MeterProvider<Counter> failures;

	private final String apiKeyHeader;

	AuthProblems(ProblemWriter writer, MeterRegistry meters, String apiKeyHeader) {
		this.writer = writer;
		this.failures = Counter.builder(FAILURES)
			.description("Requests refused for missing, invalid or expired credentials, missing scopes, or keys "
					+ "that could not be obtained")
			.withRegistry(meters);
		this.apiKeyHeader = apiKeyHeader;
	}

	/**
	 * Refuses a request whose credentials failed.
	 */
	Mono<Void> refuse(ServerWebExchange exchange, String routeId, AuthPolicy policy, AuthenticationFailed failure) {
		count(failure.reason().tag(), routeId);
		HttpHeaders headers = exchange.getResponse().getHeaders();
		return switch (failure.reason()) {
			case MISSING_TOKEN -> {
				headers.set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
				String accepted = policy.apiKeys() ? "a bearer token or an API key in " + this.apiKeyHeader
						: "a bearer token";
				yield write(exchange, "credentials-missing", "Credentials missing", HttpStatus.UNAUTHORIZED,
						"This route requires " + accepted);
			}
			case INVALID_TOKEN, UNSUPPORTED_SCHEME, INVALID_API_KEY, API_KEY_NOT_ALLOWED -> {
				headers.set(HttpHeaders.WWW_AUTHENTICATE, invalidToken(failure));
				yield write(exchange, "credentials-invalid", "Credentials invalid", HttpStatus.UNAUTHORIZED,
						failure.description());
			}
			case EXPIRED_TOKEN -> {
				headers.set(HttpHeaders.WWW_AUTHENTICATE, invalidToken(failure));
				yield write(exchange, "credentials-expired", "Credentials expired", HttpStatus.UNAUTHORIZED,
						failure.description());
			}
			case KEYS_UNAVAILABLE -> write(exchange, "authentication-unavailable", "Authentication unavailable",
					HttpStatus.SERVICE_UNAVAILABLE, failure.description() + "; try again later");
		};
	}

	/**
	 * Refuses a caller who lacks the scopes of the route.
	 */
	Mono<Void> forbid(ServerWebExchange exchange, String routeId, AuthPolicy policy) {
		count(INSUFFICIENT_SCOPE, routeId);
		String scopes = String.join(" ", policy.scopes());
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"insufficient_scope\", scope=\"" + scopes + "\"");
		String which = (policy.scopeMatch() == AuthPolicy.ScopeMatch.ANY) ? "one of the scopes" : "all of the scopes";
		return write(exchange, "insufficient-scope", "Insufficient scope", HttpStatus.FORBIDDEN,
				"This route requires " + which + ": " + scopes);
	}

	private static String invalidToken(AuthenticationFailed failure) {
		return CHALLENGE + ", error=\"invalid_token\", error_description=\"" + failure.description() + "\"";
	}

	private Mono<Void> write(ServerWebExchange exchange, String name, String title, HttpStatus status, String detail) {
		return this.writer.write(exchange, Problem.of(exchange, name, title, status, detail));
	}

	private void count(String reason, String routeId) {
		this.failures.withTags("reason", reason, "route", routeId).increment();
	}

}
