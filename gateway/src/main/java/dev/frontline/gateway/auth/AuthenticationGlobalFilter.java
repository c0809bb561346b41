package dev.frontline.gateway.auth;

import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.RouteRule;
import dev.frontline.gateway.routing.SnapshotRouteLocator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Enforces the auth policy of the route a request matched. The caller is established from
 * a bearer token or, where the route accepts them, an API key; a public route lets anyone
 * through, identified if their credential is valid and anonymous otherwise. The caller
 * goes to the passport of the forwarded request.
 * <p>
 * A plain filter rather than Spring Security's web filter chain, which costs far more per
 * request than the checks themselves.
 */
final class AuthenticationGlobalFilter implements GlobalFilter, Ordered {

	/**
	 * After the gateway's request metrics start, so that refusals are measured too; well
	 * before the retry and forwarding filters, so that a retry does not authenticate
	 * again.
	 */
	static final int ORDER = 100;

	/** The exchange attribute set when the caller's verified bearer token is relayed. */
	static final String RELAY_TOKEN_ATTRIBUTE = AuthenticationGlobalFilter.class.getName() + ".relayToken";

	/** What a route whose rule is gone by now demands: the default, never less. */
	private static final AuthPolicy UNKNOWN_ROUTE_POLICY = AuthPolicy.authenticated();

	private static final Mono<Caller> ANONYMOUS = Mono.just(Caller.ANONYMOUS);

	private static final String BEARER = "Bearer ";

	private final SnapshotRouteLocator routes;

	private final BearerTokenAuthenticator tokens;

	private final ApiKeyAuthenticator apiKeys;

	private final AuthProblems problems;

	private final String apiKeyHeader;

	AuthenticationGlobalFilter(SnapshotRouteLocator routes, BearerTokenAuthenticator tokens,
			ApiKeyAuthenticator apiKeys, AuthProblems problems, String apiKeyHeader) {
		this.routes = routes;
		this.tokens = tokens;
		this.apiKeys = apiKeys;
		this.problems = problems;
		this.apiKeyHeader = apiKeyHeader;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route == null) {
			return chain.filter(exchange);
		}
		String routeId = route.getId();
		RouteRule rule = this.routes.rule(routeId);
		AuthPolicy policy = (rule != null) ? rule.auth() : UNKNOWN_ROUTE_POLICY;
		boolean open = policy.mode() == AuthPolicy.Mode.PUBLIC;
		return identify(exchange.getRequest().getHeaders(), policy)
			.onErrorResume(AuthenticationFailed.class,
					(failure) -> open ? ANONYMOUS
							: this.problems.refuse(exchange, routeId, policy, failure).then(Mono.empty()))
			.flatMap((caller) -> admit(exchange, chain, routeId, policy, caller));
	}

	private Mono<Caller> identify(HttpHeaders headers, AuthPolicy policy) {
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			String token = authorization.substring(BEARER.length()).strip();
			return token.isEmpty() ? Mono.error(AuthenticationFailed.invalid("The bearer token is empty"))
					: this.tokens.authenticate(token);
		}
		String apiKey = headers.getFirst(this.apiKeyHeader);
		if (apiKey != null) {
			return policy.apiKeys() ? this.apiKeys.authenticate(apiKey)
					: Mono.error(AuthenticationFailed.apiKeyNotAllowed());
		}
		if (authorization != null) {
			return Mono.error(AuthenticationFailed.unsupportedScheme());
		}
		return (policy.mode() == AuthPolicy.Mode.PUBLIC) ? ANONYMOUS : Mono.error(AuthenticationFailed.MISSING);
	}

	private Mono<Void> admit(ServerWebExchange exchange, GatewayFilterChain chain, String routeId, AuthPolicy policy,
			Caller caller) {
		// Known even when refused below, so that the access log names who was refused.
		exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
		if (!caller.holdsScopesOf(policy)) {
			return this.problems.forbid(exchange, routeId, policy);
		}
		// Only a token that was verified: what an anonymous caller sent is nothing to
		// pass on.
		if (policy.tokenRelay() && caller.method() == Caller.Method.JWT) {
			exchange.getAttributes().put(RELAY_TOKEN_ATTRIBUTE, Boolean.TRUE);
		}
		return chain.filter(exchange);
	}

	/**
	 * Whether the caller's verified bearer token goes on to the target.
	 */
	static boolean relaysToken(ServerWebExchange exchange) {
		@Nullable Boolean relay = exchange.getAttribute(RELAY_TOKEN_ATTRIBUTE);
		return Boolean.TRUE.equals(relay);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
