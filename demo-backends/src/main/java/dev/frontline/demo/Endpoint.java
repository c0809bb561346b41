package dev.frontline.demo;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;

/**
 * A {@code GET} endpoint of a storefront backend.
 *
 * @param path the path template, with {@code {name}} variables
 * @param handler what it answers to a request
 */
record Endpoint(String path, Function<HttpServerRequest, Reply> handler) {

	static String pathVariable(HttpServerRequest request, String name) {
		String raw = request.param(name);
		return (raw != null) ? QueryStringDecoder.decodeComponent(raw) : "";
	}

	static @Nullable String queryParameter(HttpServerRequest request, String name) {
		Map<String, List<String>> parameters = new QueryStringDecoder(request.uri()).parameters();
		List<String> values = parameters.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

}
