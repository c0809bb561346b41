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

}
