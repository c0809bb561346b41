package dev.frontline.gateway.canary;

import java.time.Duration;

import dev.frontline.contract.CanaryTarget;
import dev.frontline.contract.CanaryTarget.StickyKey;
import dev.frontline.contract.Variant;
import dev.frontline.gateway.canary.StickyIdentities.StickyIdentity;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The split of one route between its stable and canary targets. An override sent by the
 * caller, where the route allows it, decides first (the header before the cookie); then
 * the weight, by the caller's sticky identity or, without a sticky key, at random. A
 * caller identified by address gets the sticky cookie, so that it keeps its side when its
 * address changes. The answer names the side, unless the route says not to.
 */
final class CanarySplit implements GatewayFilter, Ordered {

	/**
	 * After authentication (100), which establishes the user that keeps a caller on one
	 * side; before rate limiting (110), so that its refusals name the side too.
	 */
	static final int ORDER = 105;

	/** How long the sticky cookie keeps a caller on one side. */
	static final Duration STICKY_COOKIE_AGE = Duration.ofDays(30);

	private static final Assignment STABLE = new Assignment(Variant.STABLE, null);

	private static final Assignment CANARY = new Assignment(Variant.CANARY, null);

	private final String routeId;

	private final CanaryTarget canary;

	private final StickyIdentities identities;

	private final CanaryProperties names;

	CanarySplit(String routeId, CanaryTarget canary, StickyIdentities identities, CanaryProperties names) {
		this.routeId = routeId;
		this.canary = canary;
		this.identities = identities;
		this.names = names;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Assignment assignment = assign(exchange);
		exchange.getAttributes().put(CanaryAttributes.VARIANT, assignment.variant());
		String stickyCookie = assignment.stickyCookie();
		boolean nameVariant = this.canary.variantHeader();
		if (nameVariant || stickyCookie != null) {
			ServerHttpResponse response = exchange.getResponse();
			// At commit time, so that they survive the headers copied from the target and
			// the problem answers of the gateway, which start from no headers.
			response.beforeCommit(() -> {
				if (nameVariant) {
					response.getHeaders().set(this.names.variantHeader(), assignment.variant().label());
				}
				if (stickyCookie != null) {
					response.addCookie(stickyCookie(exchange.getRequest(), stickyCookie));
				}
				return Mono.empty();
			});
		}
		return chain.filter(exchange);
	}

	/**
	 * The side of a request, and the sticky cookie its answer should set, if any.
	 */
	Assignment assign(ServerWebExchange exchange) {
		Variant forced = this.canary.overrides() ? forcedSide(exchange.getRequest()) : null;
		if (forced != null) {
			return (forced == Variant.CANARY) ? CANARY : STABLE;
		}
		int weight = this.canary.weight();
		if (weight <= 0) {
			return STABLE;
		}
		if (weight >= 100) {
			return CANARY;
		}
		if (this.canary.sticky() == StickyKey.NONE) {
			return new Assignment(CanarySplitter.draw(weight), null);
		}
		StickyIdentity identity = this.identities.of(exchange, this.canary.sticky());
		Variant variant = CanarySplitter.assign(this.routeId, identity.value(), weight);
		return new Assignment(variant, identity.derived() ? identity.value() : null);
	}

	private @Nullable Variant forcedSide(ServerHttpRequest request) {
		Variant byHeader = side(request.getHeaders().getFirst(this.names.overrideHeader()));
		if (byHeader != null) {
			return byHeader;
		}
		HttpCookie cookie = request.getCookies().getFirst(this.names.overrideCookie());
		return (cookie != null) ? side(cookie.getValue()) : null;
	}

	private static @Nullable Variant side(@Nullable String override) {
		if (override == null) {
			return null;
		}
		String value = override.strip();
		if (value.equalsIgnoreCase("always")) {
			return Variant.CANARY;
		}
		if (value.equalsIgnoreCase("never")) {
			return Variant.STABLE;
		}
		return null;
	}

	private ResponseCookie stickyCookie(ServerHttpRequest request, String identity) {
		return ResponseCookie.from(this.names.stickyCookie(), identity)
			.path("/")
			.httpOnly(true)
			.sameSite("Lax")
			.maxAge(STICKY_COOKIE_AGE)
			.secure("https".equalsIgnoreCase(request.getURI().getScheme()))
			.build();
	}

	/**
	 * The side that served a routed request: the one its route's split chose, or, for a
	 * request answered before the split (refused by authentication), the side it would
	 * have gone to, which is then kept so that everyone who asks gets the same answer.
	 * Requests on routes without a canary are all on the stable side.
	 * @param exchange a request that matched a route
	 * @return the side
	 */
	static Variant sideOf(ServerWebExchange exchange) {
		Variant chosen = exchange.getAttribute(CanaryAttributes.VARIANT);
		if (chosen != null) {
			return chosen;
		}
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route != null) {
			for (GatewayFilter filter : route.getFilters()) {
				if (filter instanceof CanarySplit split) {
					Variant wouldBe = split.assign(exchange).variant();
					exchange.getAttributes().put(CanaryAttributes.VARIANT, wouldBe);
					return wouldBe;
				}
			}
		}
		return Variant.STABLE;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public String toString() {
		return "CanarySplit[route=" + this.routeId + ", weight=" + this.canary.weight() + ", sticky="
				+ this.canary.sticky() + "]";
	}

	/**
	 * The side of a request.
	 *
	 * @param variant the side
	 * @param stickyCookie the identity to set as the sticky cookie, if the caller was
	 * identified by address; {@code null} otherwise
	 */
	record Assignment(Variant variant, @Nullable String stickyCookie) {

	}

}
