package dev.frontline.gateway.auth;

import dev.frontline.contract.AuthPolicy;
import dev.frontline.gateway.web.Problem;
import dev.frontline.gateway.web.ProblemWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers the requests the gateway refuses for want of identity: 401 with a
 * {@code WWW-Authenticate} challenge (RFC 6750) for missing, invalid or expired
 * credentials, 403 for missing scopes, each with a problem; and counts them by reason and
 * route in {@code frontline.gateway.auth.failures}.
 */
final class AuthProblems {

	static final String FAILURES = "frontline.gateway.auth.failures";

	private static final String CHALLENGE = "Bearer realm=\"frontline\"";

	private final ProblemWriter writer;

	private final MeterRegistry meters;

	private final String apiKeyHeader;

	AuthProblems(ProblemWriter writer, MeterRegistry meters, String apiKeyHeader) {
		this.writer = writer;
		this.meters = meters;
		this.apiKeyHeader = apiKeyHeader;
	}

	/**
	 * Refuses a request whose credentials failed.
	 */
	Mono<Void> refuse(ServerWebExchange exchange, String routeId, AuthPolicy policy, AuthenticationFailed failure) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		return switch (failure.reason()) {
			case MISSING -> {
				count("missing", routeId);
				headers.set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
				String accepted = policy.apiKeys() ? "a bearer token or an API key in " + this.apiKeyHeader
						: "a bearer token";
				yield write(exchange, "credentials-missing", "Credentials missing", HttpStatus.UNAUTHORIZED,
						"This route requires " + accepted);
			}
			case INVALID -> {
				count("invalid", routeId);
				headers.set(HttpHeaders.WWW_AUTHENTICATE, invalidToken(failure));
				yield write(exchange, "credentials-invalid", "Credentials invalid", HttpStatus.UNAUTHORIZED,
						failure.description());
			}
			case EXPIRED -> {
				count("expired", routeId);
				headers.set(HttpHeaders.WWW_AUTHENTICATE, invalidToken(failure));
				yield write(exchange, "credentials-expired", "Credentials expired", HttpStatus.UNAUTHORIZED,
						failure.description());
			}
			case UNAVAILABLE -> write(exchange, "authentication-unavailable", "Authentication unavailable",
					HttpStatus.SERVICE_UNAVAILABLE, failure.description() + "; try again later");
		};
	}

	/**
	 * Refuses a caller who lacks the scopes of the route.
	 */
	Mono<Void> forbid(ServerWebExchange exchange, String routeId, AuthPolicy policy) {
		count("insufficient_scope", routeId);
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
		Counter.builder(FAILURES)
			.description("Requests refused for missing, invalid or expired credentials, or missing scopes")
			.tag("reason", reason)
			.tag("route", routeId)
			.register(this.meters)
			.increment();
	}

}
