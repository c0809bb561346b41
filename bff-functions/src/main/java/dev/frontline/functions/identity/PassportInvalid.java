package dev.frontline.functions.identity;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A passport that is malformed, not signed by a trusted gateway key, meant for another
 * audience, or out of date (401).
 */
class PassportInvalid extends FunctionProblem {

	static final String CHALLENGE = "Passport realm=\"frontline-functions\"";

	PassportInvalid(String detail) {
		super(HttpStatus.UNAUTHORIZED, "passport-invalid", "Passport invalid", detail);
		getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
	}

}
