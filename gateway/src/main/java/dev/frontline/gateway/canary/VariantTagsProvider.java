package dev.frontline.gateway.canary;

import io.micrometer.core.instrument.Tags;

import org.springframework.cloud.gateway.support.tagsprovider.GatewayTagsProvider;
import org.springframework.web.server.ServerWebExchange;

/**
 * Adds the {@code variant} tag, {@code stable} or {@code canary}, to the gateway's
 * request metrics ({@code spring.cloud.gateway.requests}), so that the two sides of a
 * route can be told apart. Two values only: the tag adds at most one series per route.
 */
final class VariantTagsProvider implements GatewayTagsProvider {

	static final String TAG = "variant";

	@Override
	public Tags apply(ServerWebExchange exchange) {
		return Tags.of(TAG, CanarySplit.sideOf(exchange).label());
	}

}
