package dev.frontline.gateway.routing;

import dev.frontline.contract.AsyncPolicy;
import dev.frontline.gateway.web.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * How a routed request invokes its function definition: synchronously, answered with the
 * function's result, or asynchronously, answered with 202 and the id of an invocation
 * that the function runtime queues and retries. A request is asynchronous when its route
 * says so for every request ({@link AsyncPolicy#always()}) or when it asks with
 * {@value #HEADER}{@code : async}; {@code sync} or no header leaves it to the route.
 */
enum InvocationType {

	/** Called and answered with the result. */
	SYNC,

	/** Queued, and answered with 202 and the invocation's status resource. */
	ASYNC;

	/** The header by which a request asks for an invocation type. */
	static final String HEADER = "X-Frontline-Invocation-Type";

	/**
	 * The invocation type of a request.
	 * @param request the request as the client sent it
	 * @param alwaysAsync whether the request's route makes every request asynchronous
	 * @return the type, or {@code null} if the request asks for one that does not exist
	 */
	static @Nullable InvocationType of(ServerHttpRequest request, boolean alwaysAsync) {
		String asked = request.getHeaders().getFirst(HEADER);
		if (asked == null) {
			return alwaysAsync ? ASYNC : SYNC;
		}
		String value = asked.strip();
		if (value.equalsIgnoreCase("async")) {
			return ASYNC;
		}
		if (value.equalsIgnoreCase("sync")) {
			return alwaysAsync ? ASYNC : SYNC;
		}
		return null;
	}

	/**
	 * The problem of a request that asks for an invocation type that does not exist.
	 */
	static Problem unknown(ServerWebExchange exchange) {
		return Problem.of(exchange, "invalid-invocation-type", "Invalid invocation type", HttpStatus.BAD_REQUEST,
				HEADER + " must be 'sync' or 'async'");
	}

}
