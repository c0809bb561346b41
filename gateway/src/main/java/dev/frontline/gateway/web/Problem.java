package dev.frontline.gateway.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

/**
 * An RFC 9457 problem answered by the gateway itself.
 *
 * @param type {@code urn:frontline:problem:<name>}
 * @param title a short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param instance the request path
 * @param requestId the id of the request
 */
public record Problem(String type, String title, int status, String detail, String instance,
		@Nullable String requestId) {

	/** The prefix of every problem type of the platform. */
	public static final String TYPE_PREFIX = "urn:frontline:problem:";

	/**
	 * A problem with the given request.
	 * @param exchange the request
	 * @param name the kebab-case name of the problem type, such as
	 * {@code credentials-missing}
	 * @param title a short summary of the kind of problem
	 * @param status the HTTP status
	 * @param detail what went wrong with this request
	 */
	public static Problem of(ServerWebExchange exchange, String name, String title, HttpStatus status, String detail) {
		return new Problem(TYPE_PREFIX + name, title, status.value(), detail, exchange.getRequest().getPath().value(),
				exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE));
	}

}
