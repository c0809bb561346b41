package dev.frontline.admin.security;

import dev.frontline.admin.web.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request to a gateway endpoint came without the control-plane token, or with a wrong
 * one.
 */
class ControlPlaneTokenRejected extends ErrorResponseException {

	ControlPlaneTokenRejected(boolean missing) {
		super(HttpStatus.UNAUTHORIZED,
				Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
						missing ? "Send the control-plane token as 'Authorization: Bearer <token>'"
								: "The control-plane token is not valid"),
				null);
	}

	@Override
	public HttpHeaders getHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return headers;
	}

}
