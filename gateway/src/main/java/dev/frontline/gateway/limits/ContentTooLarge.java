package dev.frontline.gateway.limits;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request body larger than the gateway forwards; answered 413 with a problem.
 */
final class ContentTooLarge extends ResponseStatusException {

	private ContentTooLarge(String detail) {
		super(HttpStatus.CONTENT_TOO_LARGE, detail);
	}

	static ContentTooLarge declared(long length, long limit) {
		return new ContentTooLarge(
				"The request body is " + length + " bytes (Content-Length); at most " + limit + " bytes are accepted");
	}

	static ContentTooLarge streamed(long limit) {
		return new ContentTooLarge(
				"The request body is larger than " + limit + " bytes, which is all that is accepted");
	}

	/**
	 * None: it is the client's doing, and the HTTP client that forwarded the body logs
	 * it, which a stack trace per oversized request would flood.
	 */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
