package dev.frontline.gateway.routing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.frontline.contract.Target;
import dev.frontline.contract.Variant;
import dev.frontline.gateway.canary.CanaryAttributes;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns a matched request into a call of the function definition of the route's target:
 * {@code POST {target uri}/{function names joined by ','}} with a JSON body. Requests
 * that carry a body (POST, PUT, PATCH) pass it through; the others send an object built
 * from the query parameters and the path variables. On a route with a canary, the target
 * is that of the side the route's split chose ({@link CanaryAttributes#VARIANT}). The
 * URIs of each target take turns.
 */
final class FunctionForwardingFilter implements GatewayFilter, Ordered {

	/** The header that names the route to the function runtime. */
	static final String ROUTE_HEADER = "X-Frontline-Route";

	/**
	 * Runs after {@link RouteToRequestUrlFilter} so that the URL set here wins, and after
	 * the retry filter so that each retry picks the next URI.
	 */
	static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 20;

	private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

	private final String routeId;

	private final FunctionUris stable;

	private final @Nullable FunctionUris canary;

	private final JsonMapper json;

	/**
	 * @param routeId the id of the route
	 * @param stable the stable target of the route
	 * @param canary the canary target of the route, if it has one
	 * @param json writes the bodies built from query parameters and path variables
	 */
	FunctionForwardingFilter(String routeId, Target stable, @Nullable Target canary, JsonMapper json) {
		this.routeId = routeId;
		this.stable = new FunctionUris(stable);
		this.canary = (canary != null) ? new FunctionUris(canary) : null;
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		FunctionUris target = (this.canary != null && CanaryAttributes.variant(exchange) == Variant.CANARY)
				? this.canary : this.stable;
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, target.next());
		ServerHttpRequest request = exchange.getRequest();
		ServerHttpRequest forwarded = carriesBody(request) ? passBody(request) : jsonBody(exchange);
		return chain.filter(exchange.mutate().request(forwarded).build());
	}

	private boolean carriesBody(ServerHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
		return BODY_METHODS.contains(request.getMethod())
				&& (headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING));
	}

	private ServerHttpRequest passBody(ServerHttpRequest request) {
		return request.mutate().method(HttpMethod.POST).headers((headers) -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.set(ROUTE_HEADER, this.routeId);
		}).build();
	}

	private ServerHttpRequest jsonBody(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		Map<String, Object> input = new LinkedHashMap<>();
		request.getQueryParams()
			.forEach((name, values) -> input.put(name, (values.size() == 1) ? values.get(0) : values));
		input.putAll(ServerWebExchangeUtils.getUriTemplateVariables(exchange));
		byte[] body = this.json.writeValueAsBytes(input);
		ServerHttpRequest mutated = request.mutate().method(HttpMethod.POST).headers((headers) -> {
			headers.remove(HttpHeaders.TRANSFER_ENCODING);
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setContentLength(body.length);
			headers.set(ROUTE_HEADER, this.routeId);
		}).build();
		return new ServerHttpRequestDecorator(mutated) {

			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}

		};
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public String toString() {
		return "FunctionForwarding[route=" + this.routeId + ", uris=" + this.stable
				+ ((this.canary != null) ? ", canary uris=" + this.canary : "") + "]";
	}

	/**
	 * The function URIs of one target, which take turns.
	 */
	private static final class FunctionUris {

		private final List<URI> uris;

		private final AtomicInteger next = new AtomicInteger();

		FunctionUris(Target target) {
			String path = "/" + String.join(",", target.functions());
			this.uris = target.uris().stream().map((uri) -> URI.create(stripTrailingSlash(uri) + path)).toList();
		}

		private static String stripTrailingSlash(String uri) {
			return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
		}

		URI next() {
			if (this.uris.size() == 1) {
				return this.uris.get(0);
			}
			return this.uris.get(Math.floorMod(this.next.getAndIncrement(), this.uris.size()));
		}

		@Override
		public String toString() {
			return this.uris.toString();
		}

	}

}
