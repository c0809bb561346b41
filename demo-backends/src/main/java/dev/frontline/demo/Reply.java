package dev.frontline.demo;

import org.jspecify.annotations.Nullable;

/**
 * What a backend answers: a status and a body to write as JSON.
 *
 * @param status the HTTP status
 * @param body the body, or {@code null} for none
 */
record Reply(int status, @Nullable Object body) {

	static Reply ok(Object body) {
		return new Reply(200, body);
	}

	static Reply noContent() {
		return new Reply(204, null);
	}

	static Reply problem(int status, String name, String detail) {
		return new Reply(status, Problem.of(status, name, detail));
	}

	String contentType() {
		return (this.body instanceof Problem) ? "application/problem+json" : "application/json";
	}

}
