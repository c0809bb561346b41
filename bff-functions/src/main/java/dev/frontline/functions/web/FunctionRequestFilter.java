package dev.frontline.functions.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.frontline.functions.fanout.MissingParts;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriUtils;

/**
 * Lets through {@code GET /functions} and {@code POST /{definition}} where the definition
 * names published functions joined by {@code ,} or {@code |} (which may arrive encoded as
 * {@code %7C}); answers every other path with 404. Before the function runs, it checks
 * the body against the first function's input type. It times each call, and marks an
 * answer that misses optional parts of a fan-out with {@code X-Frontline-Partial: true}.
 * Requests to the management server pass untouched.
 */
class FunctionRequestFilter implements WebFilter, Ordered, ApplicationContextAware {

	private static final Pattern SEPARATORS = Pattern.compile("[,|]");

	private static final int MAX_BODY_BYTES = 256 * 1024;

	/**
	 * The header that marks an answer missing optional parts.
	 */
	static final String PARTIAL_HEADER = "X-Frontline-Partial";

	private final FunctionCatalogue catalogue;

	private final FunctionInputReader inputs;

	private final FunctionInvocationMetrics metrics;

	private @Nullable ApplicationContext applicationContext;

	FunctionRequestFilter(FunctionCatalogue catalogue, FunctionInputReader inputs, FunctionInvocationMetrics metrics) {
		this.catalogue = catalogue;
		this.inputs = inputs;
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
		if ("/functions".equals(path)) {
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
		MediaType contentType = request.getHeaders().getContentType();
		if (contentType != null && !isJson(contentType)) {
			return Mono
				.error(new UnsupportedMediaTypeStatusException(contentType, List.of(MediaType.APPLICATION_JSON)));
		}
		exchange.getResponse().beforeCommit(() -> markPartial(exchange.getResponse(), missing));
		PublishedFunction first = functions.get(0);
		return body(request).map((body) -> this.inputs.check(first.inputType(), body)).flatMap((body) -> {
			// Spring Cloud Function looks a definition up by its raw path, so a pipe that
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
		String definition = UriUtils.decode(segment, StandardCharsets.UTF_8);
		List<PublishedFunction> functions = new ArrayList<>();
		for (String name : SEPARATORS.split(definition, -1)) {
			PublishedFunction function = this.catalogue.find(name)
				.orElseThrow(() -> new FunctionNotFound("No function '" + name + "'; GET /functions lists them"));
			PublishedFunction previous = functions.isEmpty() ? null : functions.get(functions.size() - 1);
			if (previous != null && !previous.feeds(function)) {
				throw new FunctionNotFound("No function '" + definition + "': " + previous.name() + " answers "
						+ PublishedFunction.simpleName(previous.outputType()) + ", which " + name + " does not take");
			}
			functions.add(function);
		}
		return functions;
	}

	private static boolean isJson(MediaType contentType) {
		return MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
				|| "json".equals(contentType.getSubtypeSuffix());
	}

	private static Mono<byte[]> body(ServerHttpRequest request) {
		return DataBufferUtils.join(request.getBody(), MAX_BODY_BYTES).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		})
			.defaultIfEmpty(new byte[0])
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
							"The request body is larger than " + MAX_BODY_BYTES + " bytes"));
	}

}
