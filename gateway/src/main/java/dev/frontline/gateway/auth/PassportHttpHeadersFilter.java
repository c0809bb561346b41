package dev.frontline.gateway.auth;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sets the headers of each request forwarded to a function runtime: strips every header
 * by which a client could claim an identity, strips the {@code Authorization} header
 * unless the route relays the token, and adds a passport signed for the caller. Applied
 * on each forwarding, so that a retry carries a passport that is still valid.
 */
final class PassportHttpHeadersFilter implements HttpHeadersFilter, Ordered {

	/** The header that carries the passport. */
	static final String PASSPORT_HEADER = "X-Frontline-Passport";

	/** Headers a client could use to pass itself off as someone. */
	static final List<String> IDENTITY_HEADERS = List.of(PASSPORT_HEADER, "X-Frontline-User", "X-User-Id",
			"X-Forwarded-User", "X-Auth-Request-User", "X-Authenticated-User", "X-API-Key");

	private final PassportSigner signer;

	private final String apiKeyHeader;

	PassportHttpHeadersFilter(PassportSigner signer, String apiKeyHeader) {
		this.signer = signer;
		this.apiKeyHeader = apiKeyHeader;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders forwarded = HttpHeaders.copyOf(input);
		for (String name : IDENTITY_HEADERS) {
			forwarded.remove(name);
		}
		forwarded.remove(this.apiKeyHeader);
		if (!AuthenticationGlobalFilter.relaysToken(exchange)) {
			forwarded.remove(HttpHeaders.AUTHORIZATION);
		}
		@Nullable Caller caller = exchange.getAttribute(Caller.ATTRIBUTE);
		// A request that was not authenticated is anonymous, whatever it claims.
		Caller passportHolder = (caller != null) ? caller : Caller.ANONYMOUS;
		forwarded.set(PASSPORT_HEADER, this.signer.sign(passportHolder));
		return forwarded;
	}

	@Override
	public int getOrder() {
		// Last, so that no other filter adds to what it strips.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
