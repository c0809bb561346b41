package dev.frontline.gateway.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.frontline.contract.AsyncPolicy;
import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.Variant;
import dev.frontline.gateway.canary.CanaryAttributes;
import dev.frontline.gateway.web.ProblemWriter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.json.JsonWriteFeature;
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
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns a matched request into a call of the function definition of the route's target:
 * {@code POST {target uri}/{function names joined by ','}} with a JSON body. Requests
 * that carry a body (POST, PUT, PATCH) pass it through; the others send an object built
 * from the query parameters and the path variables. On a route with a canary, the target
 * is that of the side the route's split chose ({@link CanaryAttributes#VARIANT}). The
 * URIs of each target take turns.
 * <p>
 * An asynchronous request ({@link InvocationType}) goes to {@code POST {target
 * uri}/async/{functions}} instead, with the route's {@link AsyncPolicy} in
 * {@value #ASYNC_POLICY_HEADER}; the {@code Location} of the runtime's answer,
 * {@code /async/invocations/{id}}, becomes the gateway's status resource
 * {@code /invocations/{route}/{id}}. Whatever a client sent in the headers by which the
 * gateway instructs the runtime is replaced.
 */
final class FunctionForwardingFilter implements GatewayFilter, Ordered {

	/** The header that names the route to the function runtime. */
	static final String ROUTE_HEADER = "X-Frontline-Route";

	/** The header that gives the function runtime the async policy of the route. */
	static final String ASYNC_POLICY_HEADER = "X-Frontline-Async-Policy";

	/**
	 * Runs after {@link RouteToRequestUrlFilter} so that the URL set here wins, and after
	 * the retry filter so that each retry picks the next URI.
	 */
	static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 20;

	private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

	private final String routeId;

	private final TargetUris stable;

	private final @Nullable TargetUris canary;

	private final boolean alwaysAsync;

	private final String asyncPolicy;

	private final JsonMapper json;

	private final ProblemWriter problems;

	/**
	 * @param routeId the id of the route
	 * @param stable the stable target of the route
	 * @param canary the canary target of the route, if it has one
	 * @param asyncPolicy the async policy of the route, or its defaults
	 * @param json writes the bodies built from query parameters and path variables
	 * @param problems answers requests that ask for an invocation type that does not
	 * exist
	 */
	FunctionForwardingFilter(String routeId, TargetUris stable, @Nullable TargetUris canary, AsyncPolicy asyncPolicy,
			JsonMapper json, ProblemWriter problems) {
		this.routeId = routeId;
		this.stable = stable;
		this.canary = canary;
		this.alwaysAsync = asyncPolicy.always();
		// A header carries ASCII only; a callback URL or function name could hold more.
		this.asyncPolicy = ConfigJson.mapper()
			.writer()
			.with(JsonWriteFeature.ESCAPE_NON_ASCII)
			.writeValueAsString(asyncPolicy);
		this.json = json;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		InvocationType type = InvocationType.of(request, this.alwaysAsync);
		if (type == null) {
			return this.problems.write(exchange, InvocationType.unknown(exchange));
		}
		TargetUris target = (this.canary != null && CanaryAttributes.variant(exchange) == Variant.CANARY) ? this.canary
				: this.stable;
		boolean async = type == InvocationType.ASYNC;
		exchange.getAttributes()
			.put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, async ? target.asyncFunction() : target.function());
		if (async) {
			ServerHttpResponse response = exchange.getResponse();
			// At commit time, once the runtime's headers are copied to the answer.
			response.beforeCommit(() -> {
				InvocationStatusRoute.pointLocationAtGateway(response.getHeaders(), this.routeId);
				return Mono.empty();
			});
		}
		ServerHttpRequest forwarded = carriesBody(request) ? passBody(request, async) : jsonBody(exchange, async);
		return chain.filter(exchange.mutate().request(forwarded).build());
	}

	private boolean carriesBody(ServerHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
		return BODY_METHODS.contains(request.getMethod())
				&& (headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING));
	}

	private ServerHttpRequest passBody(ServerHttpRequest request, boolean async) {
		return request.mutate().method(HttpMethod.POST).headers((headers) -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			instruct(headers, async);
		}).build();
	}

	private ServerHttpRequest jsonBody(ServerWebExchange exchange, boolean async) {
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
			instruct(headers, async);
		}).build();
		return new ServerHttpRequestDecorator(mutated) {

			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}

		};
	}

	/**
	 * Sets the headers by which the gateway tells the runtime about the request,
	 * replacing any a client sent.
	 */
	private void instruct(HttpHeaders headers, boolean async) {
		headers.remove(InvocationType.HEADER);
		headers.set(ROUTE_HEADER, this.routeId);
		if (async) {
			headers.set(ASYNC_POLICY_HEADER, this.asyncPolicy);
		}
		else {
			headers.remove(ASYNC_POLICY_HEADER);
		}
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

}
