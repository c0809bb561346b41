package dev.frontline.admin.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries the control-plane token as a bearer token as the
 * {@value #PRINCIPAL} principal with the {@value #AUTHORITY} authority. A request without
 * a bearer token passes unauthenticated (the endpoint's rule answers it); a wrong token
 * is answered at once.
 */
class ControlPlaneTokenFilter extends OncePerRequestFilter {

	/** The name of every authenticated gateway. */
	static final String PRINCIPAL = "gateway";

	/** The authority of an authenticated gateway; no person has it. */
	static final String AUTHORITY = "ROLE_GATEWAY";

	private static final String BEARER = "Bearer ";

	private final ControlPlaneToken token;

	private final AuthenticationEntryPoint entryPoint;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	// Per request only: gateways hold no session.
	private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

	ControlPlaneTokenFilter(ControlPlaneToken token, AuthenticationEntryPoint entryPoint) {
		this.token = token;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		if (!this.token.matches(authorization.substring(BEARER.length()).strip())) {
			this.holder.clearContext();
			this.entryPoint.commence(request, response,
					new BadCredentialsException("The control-plane token is not valid"));
			return;
		}
		Authentication gateway = UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL, null,
				AuthorityUtils.createAuthorityList(AUTHORITY));
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(gateway);
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
		chain.doFilter(request, response);
	}

}
