package dev.frontline.gateway.web;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * The ids the gateway gives requests ({@code X-Request-Id}), for whatever names a request
 * in logs.
 */
public final class RequestIds {

	private RequestIds() {
	}

	/**
	 * The id of a request.
	 * @param exchange the request
	 * @return its id, or {@code null} if it got none (it was not received on the
	 * gateway's public port)
	 */
	public static @Nullable String of(ServerWebExchange exchange) {
		return exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE);
	}

}
