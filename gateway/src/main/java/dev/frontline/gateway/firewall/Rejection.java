package dev.frontline.gateway.firewall;

import org.springframework.http.HttpStatus;

/**
 * Why the firewall refuses a request, as the problem it is answered with.
 *
 * @param status the status of the answer
 * @param name the kebab-case name of the problem type
 * @param title a short summary of the kind of problem
 * @param detail which part of the request is wrong, and how
 */
record Rejection(HttpStatus status, String name, String title, String detail) {

	static Rejection path(String detail) {
		return new Rejection(HttpStatus.BAD_REQUEST, "invalid-path", "Invalid request path",
				"The request path " + detail);
	}

	static Rejection query(String detail) {
		return new Rejection(HttpStatus.BAD_REQUEST, "invalid-query", "Invalid query string",
				"The query string " + detail);
	}

	static Rejection method(String allowed) {
		return new Rejection(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
				"The request method must be one of " + allowed + " (case-sensitive)");
	}

}
