package dev.frontline.functions.async;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import dev.frontline.functions.identity.PassportExemption;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Lets a request reach the operator endpoints ({@code /async/dead-letters/**} and
 * {@code /async/triggers/**}) only with the control-plane token in
 * {@code Authorization: Bearer <token>}, and exempts exactly those paths from the
 * passport check: the admin console calls them, not a gateway on behalf of a caller, so a
 * passport alone does not open them.
 */
class ControlPlaneTokenFilter implements WebFilter, Ordered, ApplicationContextAware, PassportExemption {

	private static final String DEAD_LETTERS = "/async/dead-letters";

	// With the slash: POST /async/triggers is the asynchronous call of a function named
	// triggers.
	private static final String TRIGGERS = "/async/triggers/";

	private static final String BEARER = "Bearer ";

	private final byte[] token;

	private @Nullable ApplicationContext applicationContext;

	ControlPlaneTokenFilter(String token) {
		this.token = token.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	// Ahead of the passport filter, although that one lets these paths through anyway.
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 4;
	}

	@Override
	public boolean exempts(ServerHttpRequest request) {
		String path = request.getPath().pathWithinApplication().value();
		return path.equals(DEAD_LETTERS) || path.startsWith(DEAD_LETTERS + "/") || path.startsWith(TRIGGERS);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// The management server's context is a child of this one, so it has this filter
		// too; it serves none of these paths.
		if (exchange.getApplicationContext() != this.applicationContext || !exempts(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		return Mono.defer(() -> {
			check(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
			return chain.filter(exchange);
		});
	}

	private void check(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw ControlPlaneTokenRejected.missing();
		}
		byte[] presented = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
		// Compared in constant time, so that response times do not reveal how much of a
		// guess was right.
		if (!MessageDigest.isEqual(this.token, presented)) {
			throw ControlPlaneTokenRejected.wrong();
		}
	}

}
