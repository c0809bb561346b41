package dev.frontline.functions.identity;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Requests that prove who sent them otherwise than with a passport, such as the operator
 * endpoints that take the control-plane token. Declared as a bean, it lets those requests
 * past the passport check without a passport, and without a {@link Caller}: whoever
 * declares an exemption must authenticate the requests it exempts itself.
 */
@FunctionalInterface
public interface PassportExemption {

	/**
	 * Whether a request needs no passport.
	 * @param request a request to the runtime (not to its management server)
	 * @return {@code true} if it is authenticated in another way
	 */
	boolean exempts(ServerHttpRequest request);

}
