package dev.frontline.functions.web;

import dev.frontline.functions.web.MalformedRequest.FieldError;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import reactor.netty.ChannelPipelineConfigurer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;

/**
 * Looks at each request's target as it comes off the wire, before the framework parses
 * it. The framework answers a target that is not a valid URI with a bare 400 and lets an
 * invalid UTF-8 one through; this guard instead escapes the target so that it parses, and
 * names the fault in {@value #FAULT_HEADER}, for {@link InvalidRequestTargetFilter} to
 * answer as a problem. The header is taken off every request first, so that only the
 * guard can set it.
 */
@Sharable
class RequestTargetGuard extends ChannelInboundHandlerAdapter {

	/**
	 * The request header that carries the fault of a target, as
	 * {@code <part>: <message>}.
	 */
	static final String FAULT_HEADER = "X-Frontline-Target-Fault";

	private static final String NAME = "frontline.requestTargetGuard";

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) {
		// A request the codec could not decode is answered by Reactor Netty (400, 414 or
		// 431), and an absolute or asterisk target is the framework's to judge.
		if (message instanceof HttpRequest request && request.decoderResult().isSuccess()) {
			request.headers().remove(FAULT_HEADER);
			if (request.uri().startsWith("/")) {
				guard(request);
			}
		}
		context.fireChannelRead(message);
	}

	private static void guard(HttpRequest request) {
		RequestTarget target = new RequestTarget(request.uri());
		FieldError fault = target.fault();
		if (fault != null) {
			request.headers().set(FAULT_HEADER, fault.field() + ": " + fault.message());
		}
		String escaped = target.escaped();
		if (!escaped.equals(request.uri())) {
			request.setUri(escaped);
		}
	}

	/**
	 * Puts the guard right behind the HTTP codec of every connection the server accepts.
	 * @return the customizer of the server
	 */
	static NettyServerCustomizer installer() {
		RequestTargetGuard guard = new RequestTargetGuard();
		ChannelPipelineConfigurer install = (observer, channel, address) -> {
			ChannelPipeline pipeline = channel.pipeline();
			if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(NAME) == null) {
				pipeline.addAfter(NettyPipeline.HttpCodec, NAME, guard);
			}
		};
		return (HttpServer server) -> {
			ChannelPipelineConfigurer existing = server.configuration().doOnChannelInit();
			return server.doOnChannelInit((existing != null) ? existing.then(install) : install);
		};
	}

}
