package dev.frontline.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Exposes the {@link ConsoleUser} to every view before its handler runs, so that pages,
 * the views of exceptions and the error pages all know whom they show controls to.
 */
class ConsoleUserInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		ConsoleUser user = ConsoleUser.of(request.getUserPrincipal());
		if (user != null) {
			request.setAttribute(ConsoleUser.ATTRIBUTE, user);
		}
		return true;
	}

}
