package dev.frontline.functions.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import dev.frontline.functions.fanout.MissingParts;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriUtils;

/**
 * Lets through {@code GET /functions}, the asynchronous invocation API under
 * {@code /async/}, and {@code POST /{definition}} where the definition names published
 * functions joined by {@code ,} or {@code |} (which may arrive encoded as {@code %7C});
 * answers every other path with 404. Before the function runs, it checks the body against
 * the first function's input type. It times each call, and marks an answer that misses
 * optional parts of a fan-out with {@code X-Frontline-Partial: true}. Requests to the
 * management server pass untouched.
 */
class FunctionRequestFilter implements WebFilter, Ordered, ApplicationContextAware {

	/**
	 * Where the asynchronous invocation API answers; no function can be named
	 * {@code async}.
	 */
	static final String ASYNC_PREFIX = "/async/";

	/**
	 * The header that marks an answer missing optional parts.
	 */
	static final String PARTIAL_HEADER = "X-Frontline-Partial";

	private final FunctionCatalogue catalogue;

	private final FunctionDefinitions definitions;

	private final FunctionInvocationMetrics metrics;

	private @Nullable ApplicationContext applicationContext;

	FunctionRequestFilter(FunctionCatalogue catalogue, FunctionDefinitions definitions,
			FunctionInvocationMetrics metrics) {
		this.catalogue = catalogue;
		this.definitions = definitions;
		this.metrics = metrics;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// The management server's context is a child of this one, so it has this filter
		// too; its endpoints are not functions.
		if (exchange.getApplicationContext() != this.applicationContext) {
			return chain.filter(exchange);
		}
		return Mono.defer(() -> check(exchange, chain));
	}

	private Mono<Void> check(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		if ("/functions".equals(path) || path.startsWith(ASYNC_PREFIX)) {
			return chain.filter(exchange);
		}
		List<PublishedFunction> functions = resolve(path);
		String definition = String.join(",", functions.stream().map(PublishedFunction::name).toList());
		MissingParts missing = new MissingParts();
		return this.metrics.timed(definition, exchange, missing,
				invoke(exchange, chain, functions, definition, missing));
	}

	private Mono<Void> invoke(ServerWebExchange exchange, WebFilterChain chain, List<PublishedFunction> functions,
			String definition, MissingParts missing) {
		ServerHttpRequest request = exchange.getRequest();
		if (!HttpMethod.POST.equals(request.getMethod())) {
			return Mono.error(new MethodNotAllowedException(request.getMethod(), Set.of(HttpMethod.POST)));
		}
		exchange.getResponse().beforeCommit(() -> markPartial(exchange.getResponse(), missing));
		return this.definitions.read(request).map((body) -> this.definitions.check(functions, body)).flatMap((body) -> {
			// Spring Cloud Function looks a definition up by its raw path, so a pipe
			// that
			// arrived encoded would not be found; commas mean the same composition.
			ServerHttpRequest checked = request.mutate().path("/" + definition).headers((headers) -> {
				headers.setContentType(MediaType.APPLICATION_JSON);
				headers.setContentLength(body.length);
			}).build();
			return chain.filter(exchange.mutate().request(new CachedBodyRequest(checked, body)).build());
		}).contextWrite(missing.asContext());
	}

	// Set or taken out here, after request headers that were echoed are removed, so that
	// a client cannot make an answer look partial.
	private static Mono<Void> markPartial(ServerHttpResponse response, MissingParts missing) {
		response.getHeaders().remove(PARTIAL_HEADER);
		HttpStatusCode status = response.getStatusCode();
		if (!missing.isEmpty() && (status == null || status.is2xxSuccessful())) {
			response.getHeaders().set(PARTIAL_HEADER, "true");
		}
		return Mono.empty();
	}

	private List<PublishedFunction> resolve(String path) {
		String segment = path.startsWith("/") ? path.substring(1) : path;
		if (segment.isEmpty() || segment.contains("/")) {
			throw new FunctionNotFound("No function at '" + path + "'; functions are called as POST /{name}");
		}
		return this.catalogue.resolve(UriUtils.decode(segment, StandardCharsets.UTF_8));
	}

}
