package dev.frontline.demo;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * An RFC 9457 problem body, so that the backends fail the way real services do.
 *
 * @param type {@code urn:frontline:problem:<name>}
 * @param title the reason phrase of the status
 * @param status the HTTP status
 * @param detail what went wrong
 */
record Problem(String type, String title, int status, String detail) {

	static Problem of(int status, String name, String detail) {
		return new Problem("urn:frontline:problem:" + name, HttpResponseStatus.valueOf(status).reasonPhrase(), status,
				detail);
	}

}
