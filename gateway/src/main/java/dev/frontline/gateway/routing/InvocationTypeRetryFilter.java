package dev.frontline.gateway.routing;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.web.server.ServerWebExchange;

/**
 * Retries a request by the retry policy of its route, in the way its invocation type
 * allows: a synchronous one on the answers that say the target is unavailable and on
 * connection failures, an asynchronous one on connection failures only. An asynchronous
 * request that reached the runtime may have been queued whatever the answer, and sending
 * it again would queue it twice; one that could not connect was never sent.
 */
final class InvocationTypeRetryFilter implements GatewayFilter {

	private final GatewayFilter syncRetry;

	private final GatewayFilter asyncRetry;

	private final boolean alwaysAsync;

	InvocationTypeRetryFilter(GatewayFilter syncRetry, GatewayFilter asyncRetry, boolean alwaysAsync) {
		this.syncRetry = syncRetry;
		this.asyncRetry = asyncRetry;
		this.alwaysAsync = alwaysAsync;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		// A request that asks for a type that does not exist is answered with 400 by the
		// forwarding filter, which the synchronous retries leave alone.
		InvocationType type = InvocationType.of(exchange.getRequest(), this.alwaysAsync);
		GatewayFilter retry = (type == InvocationType.ASYNC) ? this.asyncRetry : this.syncRetry;
		return retry.filter(exchange, chain);
	}

	@Override
	public String toString() {
		return "InvocationTypeRetry[sync=" + this.syncRetry + ", async=" + this.asyncRetry + "]";
	}

}
