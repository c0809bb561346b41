package dev.frontline.admin.security;

import java.io.IOException;
import java.security.Principal;
import java.util.Collection;
import java.util.List;

import dev.frontline.admin.web.ProblemWriter;
import dev.frontline.admin.web.Problems;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Answers a request that is authenticated but not allowed with 403 and a problem that
 * says why: the caller's role is too low ({@code insufficient-role}), or a change from a
 * browser (made with the session cookie, or with Basic credentials the browser replays
 * from another site) lacks the CSRF token ({@code invalid-csrf-token}). A change without
 * a session or HTTP Basic credentials fails the CSRF check too, which runs first; it is
 * answered as unauthenticated, since credentials are what it lacks.
 */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final ProblemWriter writer;

	private final AuthenticationEntryPoint entryPoint;

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	ProblemAccessDeniedHandler(ProblemWriter writer, AuthenticationEntryPoint entryPoint) {
		this.writer = writer;
		this.entryPoint = entryPoint;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		if (denied instanceof CsrfException && !this.trust.isAuthenticated(this.holder.getContext().getAuthentication())
				&& !SecurityConfiguration.hasBasicCredentials(request)) {
			this.entryPoint.commence(request, response,
					new InsufficientAuthenticationException("No credentials", denied));
			return;
		}
		ProblemDetail problem = (denied instanceof CsrfException)
				? Problems.of(HttpStatus.FORBIDDEN, "invalid-csrf-token", "Missing or invalid CSRF token",
						"A change made from a browser must carry the CSRF token of its session; scripts should"
								+ " authenticate with HTTP Basic instead")
				: Problems.of(HttpStatus.FORBIDDEN, "insufficient-role", "Insufficient role",
						describe(request.getUserPrincipal()) + " may not " + request.getMethod() + " "
								+ request.getRequestURI() + "; roles are viewer < operator < admin");
		this.writer.write(request, response, problem);
	}

	private static String describe(@Nullable Principal principal) {
		if (principal == null) {
			return "An anonymous caller";
		}
		Collection<? extends GrantedAuthority> authorities = (principal instanceof Authentication authentication)
				? authentication.getAuthorities() : List.of();
		String role = "no role";
		for (Role candidate : Role.values()) {
			if (authorities.stream()
				.anyMatch((authority) -> ("ROLE_" + candidate.name()).equals(authority.getAuthority()))) {
				role = "role " + candidate.label();
			}
		}
		return "User '" + principal.getName() + "' (" + role + ")";
	}

}
