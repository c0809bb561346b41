package dev.frontline.gateway.web;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers every error of the gateway itself with {@code application/problem+json}: no
 * matching route (404 {@code route-not-found}), a target that cannot be reached (502
 * {@code bad-gateway}) or does not answer in time (504 {@code gateway-timeout}), and
 * anything else (500 {@code internal}, with no stack trace). Answers of the targets,
 * errors included, are not errors of the gateway and pass through as they are.
 */
final class ProblemWebExceptionHandler implements ErrorWebExceptionHandler, Ordered {

	/** Ahead of Spring Boot's default handler, which answers at order -1. */
	static final int ORDER = -2;

	private static final Log logger = LogFactory.getLog(ProblemWebExceptionHandler.class);

	private static final String TYPE_PREFIX = Problem.TYPE_PREFIX;

	private final ProblemWriter writer;

	ProblemWebExceptionHandler(ProblemWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			// Part of an answer went out already; all that is left is to cut it short.
			return Mono.error(ex);
		}
		// Worked out in handle(), where Reactor restores the request's trace around the
		// log
		// lines that name a failure: the request path propagates context only there.
		return Mono.just(ex)
			.<Problem>handle((failure, sink) -> sink.next(problem(exchange, failure)))
			.flatMap((problem) -> {
				// Drop whatever a target had answered before the failure.
				response.getHeaders().clear();
				return this.writer.write(exchange, problem);
			});
	}

	private Problem problem(ServerWebExchange exchange, Throwable ex) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().value();
		@Nullable String requestId = exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE);
		@Nullable Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		String target = (route != null) ? "The target of route '" + route.getId() + "'" : "The target";
		if (ex instanceof ResponseStatusException statusException) {
			HttpStatusCode status = statusException.getStatusCode();
			if (status.value() == HttpStatus.NOT_FOUND.value()) {
				return new Problem(TYPE_PREFIX + "route-not-found", "Route not found", 404,
						"No route matches " + request.getMethod().name() + " " + path, path, requestId);
			}
			if (status.value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
				return timeout(target, route, path, requestId, ex);
			}
			if (status.is4xxClientError()) {
				return clientError(statusException, path, requestId);
			}
		}
		if (Causes.timedOut(ex)) {
			return timeout(target, route, path, requestId, ex);
		}
		if (Causes.causedBy(ex, ConnectException.class) || Causes.causedBy(ex, UnknownHostException.class)
				|| Causes.causedBy(ex, IOException.class)) {
			logger.warn("Bad gateway for " + request.getMethod().name() + " " + path + " (request " + requestId + "): "
					+ ex);
			return new Problem(TYPE_PREFIX + "bad-gateway", "Bad gateway", 502,
					target + " could not be reached or broke the connection", path, requestId);
		}
		logger.error("Failed to handle " + request.getMethod().name() + " " + path + " (request " + requestId + ")",
				ex);
		return new Problem(TYPE_PREFIX + "internal", "Internal error", 500, "The gateway could not handle the request",
				path, requestId);
	}

	private Problem timeout(String target, @Nullable Route route, String path, @Nullable String requestId,
			Throwable ex) {
		Object timeout = (route != null) ? route.getMetadata().get(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR) : null;
		String within = (timeout != null) ? " within " + timeout + " ms" : " in time";
		logger.warn("Gateway timeout for " + path + " (request " + requestId + "): " + ex);
		return new Problem(TYPE_PREFIX + "gateway-timeout", "Gateway timeout", 504, target + " did not answer" + within,
				path, requestId);
	}

	private Problem clientError(ResponseStatusException ex, String path, @Nullable String requestId) {
		HttpStatusCode status = ex.getStatusCode();
		HttpStatus known = HttpStatus.resolve(status.value());
		String title = (known != null) ? known.getReasonPhrase() : "Client error";
		String name = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
		String detail = (ex.getReason() != null) ? ex.getReason() : title;
		return new Problem(TYPE_PREFIX + name, title, status.value(), detail, path, requestId);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
