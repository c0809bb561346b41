package dev.frontline.admin.security;

import java.security.Principal;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link Author} controller parameters to the authenticated user.
 */
class AuthorArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Author.class;
	}

	@Override
	public Author resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binderFactory) {
		Principal principal = request.getUserPrincipal();
		if (principal == null) {
			// The security rules let no anonymous request reach a handler that changes
			// anything.
			throw new IllegalStateException(
					"A change reached " + parameter.getExecutable().getName() + " without an authenticated user");
		}
		return new Author(principal.getName());
	}

}
