package dev.frontline.admin.security;

import java.io.IOException;

import dev.frontline.admin.web.ProblemWriter;
import dev.frontline.admin.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request that lacks valid credentials with 401, a challenge naming the scheme
 * to use, and an {@code unauthorized} problem; never with a redirect, because the callers
 * are scripts and gateways.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ProblemWriter writer;

	private final String challenge;

	private final String missing;

	private final String invalid;

	/**
	 * Creates an entry point.
	 * @param writer writes the problem
	 * @param challenge the {@code WWW-Authenticate} header value
	 * @param missing the problem's detail when no credentials came
	 * @param invalid the problem's detail when the credentials are wrong
	 */
	ProblemAuthenticationEntryPoint(ProblemWriter writer, String challenge, String missing, String invalid) {
		this.writer = writer;
		this.challenge = challenge;
		this.missing = missing;
		this.invalid = invalid;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		String detail = (failure instanceof BadCredentialsException) ? this.invalid : this.missing;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, this.challenge);
		this.writer.write(request, response,
				Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail));
	}

}
