package dev.frontline.functions.web;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Spring Cloud Function copies the request's headers (Authorization and cookies included)
 * into the response, and adds one named {@code uri}. This filter takes such echoes out
 * before the response is sent, so that a client only sees headers the runtime set.
 */
class EchoedHeadersFilter implements WebFilter, Ordered {

	private static final List<String> ADDED = List.of("uri");

	// These describe the response's own body, even when their value equals the request's.
	private static final Set<String> OWN = Set.of("content-type", "content-length", "transfer-encoding");

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders request = exchange.getRequest().getHeaders();
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders response = exchange.getResponse().getHeaders();
			ADDED.forEach(response::remove);
			for (String name : request.headerNames()) {
				if (!OWN.contains(name.toLowerCase(Locale.ROOT))
						&& Objects.equals(request.get(name), response.get(name))) {
					response.remove(name);
				}
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
