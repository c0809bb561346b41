package dev.frontline.gateway.cors;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring's CORS header logic, except that it leaves the answer to a rejected request to
 * the gateway: a problem for a preflight, the target's answer without CORS headers for an
 * actual request.
 */
final class RouteCorsProcessor extends DefaultCorsProcessor {

	@Override
	protected void rejectRequest(ServerHttpResponse response) {
	}

	/**
	 * Why the given configuration rejects the preflight, in words for the client.
	 */
	static String rejection(@Nullable CorsConfiguration configuration, ServerWebExchange exchange, String routeId) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		if (configuration == null) {
			return "Route '" + routeId + "' allows no cross-origin requests";
		}
		String origin = headers.getOrigin();
		if (configuration.checkOrigin(origin) == null) {
			return "Origin " + origin + " may not call route '" + routeId + "'";
		}
		HttpMethod method = headers.getAccessControlRequestMethod();
		if (configuration.checkHttpMethod(method) == null) {
			return "Method " + method + " is not allowed cross-origin on route '" + routeId + "'";
		}
		List<String> requested = headers.getAccessControlRequestHeaders();
		return "Request headers " + requested + " are not all allowed cross-origin on route '" + routeId + "'";
	}

}
