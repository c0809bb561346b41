package dev.frontline.functions.problem;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure that a function answers with, as a status and a problem type. Subclasses name
 * the condition ({@code ProductNotFound}, {@code BackendTimedOut}).
 */
public abstract class FunctionProblem extends ErrorResponseException {

	private static final String TYPE_PREFIX = "urn:frontline:problem:";

	/**
	 * Creates a problem.
	 * @param status the HTTP status
	 * @param name the kebab-case name that ends the type URI
	 * @param title a short summary that does not change between occurrences
	 * @param detail what happened this time
	 */
	protected FunctionProblem(HttpStatus status, String name, String title, String detail) {
		this(status, name, title, detail, null);
	}

	/**
	 * Creates a problem that a failure of the runtime's own caused, which is logged but
	 * never shown to the client.
	 * @param status the HTTP status
	 * @param name the kebab-case name that ends the type URI
	 * @param title a short summary that does not change between occurrences
	 * @param detail what happened this time
	 * @param cause the failure, or {@code null}
	 */
	protected FunctionProblem(HttpStatus status, String name, String title, String detail, @Nullable Throwable cause) {
		super(status, problem(status, name, title, detail), cause);
	}

	private static ProblemDetail problem(HttpStatus status, String name, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(name));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * The type URI of a problem name.
	 * @param name a kebab-case name such as {@code product-not-found}
	 * @return {@code urn:frontline:problem:<name>}
	 */
	public static URI type(String name) {
		return URI.create(TYPE_PREFIX + name);
	}

	@Override
	public String getMessage() {
		return getStatusCode().value() + " " + getBody().getDetail();
	}

}
