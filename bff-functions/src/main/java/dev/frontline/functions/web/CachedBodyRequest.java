package dev.frontline.functions.web;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;

/**
 * A request whose body has already been read, handed on as those bytes.
 */
class CachedBodyRequest extends ServerHttpRequestDecorator {

	private final byte[] body;

	CachedBodyRequest(ServerHttpRequest delegate, byte[] body) {
		super(delegate);
		this.body = body;
	}

	@Override
	public Flux<DataBuffer> getBody() {
		return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(this.body)));
	}

}
