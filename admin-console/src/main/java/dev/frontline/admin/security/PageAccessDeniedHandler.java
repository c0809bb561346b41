package dev.frontline.admin.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Answers a page request that is not allowed with 403 and the console's error page, which
 * says whether the role was too low or the form's CSRF token was missing or stale (as
 * after a restart, or from a page of another site).
 */
class PageAccessDeniedHandler implements AccessDeniedHandler {

	/** The request attribute the error page reads: true if the CSRF token was refused. */
	static final String CSRF_REFUSED = "csrfRefused";

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		request.setAttribute(CSRF_REFUSED, denied instanceof CsrfException);
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

}
