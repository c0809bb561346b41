package dev.frontline.gateway.limits;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * Keeps request bodies larger than {@link LimitsProperties#maxBodySize()} from the
 * targets. A {@code Content-Length} over the limit is refused before any of the body is
 * read, and nothing is forwarded. A body without a length (chunked) is counted as it
 * streams to the target, never held: once it passes the limit the forwarded request is
 * cut off, so the target never receives a complete request, and the client gets the 413.
 * Spring Cloud Gateway's {@code RequestSize} filter checks the length only.
 */
final class BodySizeLimitGlobalFilter implements GlobalFilter, Ordered {

	/**
	 * After CORS (50), so that a browser can read the refusal; after authentication (100)
	 * and rate limiting (110), so that callers who may not send anything are told so
	 * first, and oversized requests count against their limit; well before the forwarding
	 * filters.
	 */
	static final int ORDER = 120;

	private final long limit;

	BodySizeLimitGlobalFilter(long limit) {
		this.limit = limit;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long declared = request.getHeaders().getContentLength();
		if (declared > this.limit) {
			return Mono.error(ContentTooLarge.declared(declared, this.limit));
		}
		if (declared >= 0) {
			// The server reads no more than the declared length as this request's body.
			return chain.filter(exchange);
		}
		ServerHttpRequest limited = new ServerHttpRequestDecorator(request) {

			@Override
			public Flux<DataBuffer> getBody() {
				return limit(super.getBody());
			}

		};
		return chain.filter(exchange.mutate().request(limited).build());
	}

	private Flux<DataBuffer> limit(Flux<DataBuffer> body) {
		return Flux.defer(() -> {
			long[] read = { 0 };
			return body.handle((buffer, sink) -> {
				read[0] += buffer.readableByteCount();
				if (read[0] > this.limit) {
					DataBufferUtils.release(buffer);
					sink.error(ContentTooLarge.streamed(this.limit));
				}
				else {
					sink.next(buffer);
				}
			});
		});
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
