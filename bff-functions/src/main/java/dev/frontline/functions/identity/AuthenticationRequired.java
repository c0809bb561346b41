package dev.frontline.functions.identity;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The function answers about the user, and the caller is anonymous (401). The challenge
 * is the gateway's, since credentials are presented there.
 */
public class AuthenticationRequired extends FunctionProblem {

	AuthenticationRequired() {
		super(HttpStatus.UNAUTHORIZED, "authentication-required", "Authentication required",
				"This function answers about the signed-in user; call it with credentials");
		getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"frontline\"");
	}

}
