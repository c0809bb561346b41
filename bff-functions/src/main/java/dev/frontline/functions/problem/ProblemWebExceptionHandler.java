package dev.frontline.functions.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Answers every failure with {@code application/problem+json}: a {@link FunctionProblem}
 * as it describes itself, Spring's own HTTP errors (405, 415, ...) with a
 * {@code urn:frontline:problem:} type for their status, and anything else as a 500 whose
 * detail reveals nothing of the cause, which is logged instead.
 */
class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

	private static final Log logger = LogFactory.getLog(ProblemWebExceptionHandler.class);

	private static final URI BLANK = URI.create("about:blank");

	private static final Map<Integer, String> NAMES = Map.of(400, "malformed-request", 404, "not-found", 405,
			"method-not-allowed", 406, "not-acceptable", 413, "payload-too-large", 415, "unsupported-media-type");

	private final JsonMapper json;

	ProblemWebExceptionHandler(JsonMapper json) {
		this.json = json;
	}

	// Ahead of Spring Boot's error handler, which answers in its own JSON shape.
	@Override
	public int getOrder() {
		return -10;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		ErrorResponse known = find(ex);
		ProblemDetail problem = (known != null) ? problem(known) : unexpected(exchange, ex);
		if (known != null) {
			response.getHeaders().putAll(known.getHeaders());
			log(exchange, problem, (known instanceof Throwable thrown) ? thrown.getCause() : null);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", exchange.getRequest().getPath().value());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] bytes = this.json.writeValueAsBytes(body);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
	}

	private static @Nullable ErrorResponse find(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ErrorResponse response) {
				return response;
			}
		}
		return null;
	}

	private static ProblemDetail problem(ErrorResponse response) {
		ProblemDetail source = response.getBody();
		ProblemDetail problem = ProblemDetail.forStatus(source.getStatus());
		problem.setDetail(source.getDetail());
		problem.setProperties(source.getProperties());
		HttpStatus status = HttpStatus.resolve(source.getStatus());
		problem.setTitle((source.getTitle() != null) ? source.getTitle()
				: (status != null) ? status.getReasonPhrase() : "Error");
		URI type = source.getType();
		problem.setType((type == null || BLANK.equals(type)) ? FunctionProblem.type(name(source.getStatus())) : type);
		return problem;
	}

	private static String name(int status) {
		String name = NAMES.get(status);
		if (name != null) {
			return name;
		}
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.name().toLowerCase(Locale.ROOT).replace('_', '-') : "http-" + status;
	}

	private static ProblemDetail unexpected(ServerWebExchange exchange, Throwable ex) {
		logger.error("Unexpected failure of " + exchange.getRequest().getMethod() + " "
				+ exchange.getRequest().getPath().value(), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The function failed unexpectedly");
		problem.setType(FunctionProblem.type("internal-error"));
		problem.setTitle("Internal error");
		return problem;
	}

	// Backend trouble is worth a line in the log; a client's mistake is not.
	private static void log(ServerWebExchange exchange, ProblemDetail problem, @Nullable Throwable cause) {
		if (problem.getStatus() >= 500) {
			logger.warn(exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value() + ": "
					+ problem.getStatus() + " " + problem.getDetail()
					+ ((cause != null) ? " (" + NestedExceptionUtils.getMostSpecificCause(cause) + ")" : ""));
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value() + ": "
					+ problem.getStatus() + " " + problem.getDetail());
		}
	}

}
