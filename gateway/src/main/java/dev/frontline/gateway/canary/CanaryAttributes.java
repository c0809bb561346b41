package dev.frontline.gateway.canary;

import dev.frontline.contract.Variant;

import org.springframework.web.server.ServerWebExchange;

/**
 * The exchange attributes of the canary split.
 */
public final class CanaryAttributes {

	/**
	 * The {@link Variant} a routed request goes to, set once the split of its route has
	 * chosen. Routes without a canary do not split and always use {@link Variant#STABLE}.
	 */
	public static final String VARIANT = CanaryAttributes.class.getName() + ".variant";

	private CanaryAttributes() {
	}

	/**
	 * The variant the request goes to: the one its route's split chose, else
	 * {@link Variant#STABLE}.
	 * @param exchange a routed request
	 * @return the variant
	 */
	public static Variant variant(ServerWebExchange exchange) {
		Variant chosen = exchange.getAttribute(VARIANT);
		return (chosen != null) ? chosen : Variant.STABLE;
	}

	/**
	 * The side that served a request that matched a route, as metrics and logs name it:
	 * the one its route's split chose, or, for a request refused before the split (by
	 * authentication), the side it would have gone to. So the refusals on a route whose
	 * canary takes every caller count against the canary.
	 * @param exchange a request that matched a route
	 * @return the side
	 */
	public static Variant servedBy(ServerWebExchange exchange) {
		return CanarySplit.sideOf(exchange);
	}

}
