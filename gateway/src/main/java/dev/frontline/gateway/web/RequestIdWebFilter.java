package dev.frontline.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id}: the client's if it is well formed, else a
 * new one. The id goes to the target with the request and back to the client with the
 * response, so that both sides can name the request in their logs.
 */
final class RequestIdWebFilter implements WebFilter, Ordered {

	/** The header that carries the request id. */
	static final String HEADER = "X-Request-Id";

	/** The exchange attribute that holds the request id. */
	static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".requestId";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = requestId(exchange.getRequest().getHeaders().getFirst(HEADER));
		exchange.getAttributes().put(ATTRIBUTE, id);
		// Set at commit time, so that it survives the headers copied from the target.
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(HEADER, id);
			return Mono.empty();
		});
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(HEADER, id))
			.build();
		return chain.filter(exchange.mutate().request(request).build());
	}

	static String requestId(@Nullable String sent) {
		return (sent != null && WELL_FORMED.matcher(sent).matches()) ? sent : UUID.randomUUID().toString();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
