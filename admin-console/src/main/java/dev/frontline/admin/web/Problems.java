package dev.frontline.admin.web;

import java.net.URI;
import java.util.List;

import dev.frontline.contract.FieldError;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problem details the console answers with. Problem types are
 * {@code urn:frontline:problem:<name>}, so that clients can tell problems apart without
 * parsing titles.
 */
public final class Problems {

	private static final String TYPE_PREFIX = "urn:frontline:problem:";

	private Problems() {
	}

	/**
	 * The type URI of the named problem, such as {@code route-not-found}.
	 */
	public static URI type(String name) {
		return URI.create(TYPE_PREFIX + name);
	}

	/**
	 * A problem of the named type.
	 */
	public static ProblemDetail of(HttpStatus status, String name, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(name));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * A problem of the named type that lists field errors under {@code errors}, with a
	 * detail that counts them.
	 */
	public static ProblemDetail withErrors(HttpStatus status, String name, String title, List<FieldError> errors) {
		ProblemDetail problem = of(status, name, title, countOf(errors));
		problem.setProperty("errors", List.copyOf(errors));
		return problem;
	}

	/**
	 * The config store cannot be reached, so the request was not carried out.
	 */
	public static ProblemDetail storeUnavailable() {
		return of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Config store unavailable",
				"The config store (the console's database) cannot be reached right now, so nothing was read"
						+ " or changed; try again in a few seconds");
	}

	/**
	 * The request holds what could make the security rules see another request than the
	 * handlers do, and was refused before either looked at it.
	 */
	public static ProblemDetail requestRejected() {
		return of(HttpStatus.BAD_REQUEST, "request-rejected", "Request rejected",
				"The request holds what the console never accepts: '..' or '//' segments, encoded slashes,"
						+ " periods or percent signs, backslashes or semicolons in its URL, or control characters"
						+ " in its URL, headers or parameters");
	}

	private static String countOf(List<FieldError> errors) {
		return (errors.size() == 1) ? "1 field is invalid" : errors.size() + " fields are invalid";
	}

}
