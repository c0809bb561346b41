package dev.frontline.admin.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;

/**
 * A request body is larger than {@link RequestBodyProperties#maxSize()}. Thrown while the
 * body is read, so that a body without a {@code Content-Length} is cut off at the limit
 * too.
 */
class RequestBodyTooLarge extends IOException {

	private final DataSize limit;

	RequestBodyTooLarge(DataSize limit) {
		super("The request body is larger than " + limit + " bytes");
		this.limit = limit;
	}

	/**
	 * The problem a request whose body exceeds the limit is answered with.
	 */
	static ProblemDetail problem(DataSize limit) {
		return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request body too large",
				"The request body is larger than the " + limit.toBytes()
						+ " bytes the console reads (frontline.admin.request-body.max-size)");
	}

	ProblemDetail problem() {
		return problem(this.limit);
	}

}
