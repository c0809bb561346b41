package dev.frontline.functions.web;

import java.util.List;

import dev.frontline.functions.web.MalformedRequest.FieldError;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers a request whose target {@link RequestTargetGuard} found at fault with 400
 * ({@code malformed-request}), naming the part at fault ({@code path} or {@code query}),
 * before anything else looks at the request: its path is an escaped stand-in for what the
 * client sent.
 */
class InvalidRequestTargetFilter implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String fault = exchange.getRequest().getHeaders().getFirst(RequestTargetGuard.FAULT_HEADER);
		if (fault == null) {
			return chain.filter(exchange);
		}
		int colon = fault.indexOf(": ");
		FieldError error = (colon > 0) ? new FieldError(fault.substring(0, colon), fault.substring(colon + 2))
				: new FieldError("", fault);
		return Mono.error(new MalformedRequest(
				"The request " + (error.field().isEmpty() ? "target" : error.field()) + " " + error.message(),
				List.of(error)));
	}

}
