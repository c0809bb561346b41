package dev.frontline.admin.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request through only if it carries the control-plane token as a bearer token.
 */
class ControlPlaneTokenInterceptor implements HandlerInterceptor {

	private static final String BEARER = "Bearer ";

	private final byte[] token;

	ControlPlaneTokenInterceptor(String token) {
		this.token = token.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw new ControlPlaneTokenRejected(true);
		}
		byte[] presented = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
		// Constant time, so that response times do not reveal how much of a guess was
		// right.
		if (!MessageDigest.isEqual(this.token, presented)) {
			throw new ControlPlaneTokenRejected(false);
		}
		return true;
	}

}
