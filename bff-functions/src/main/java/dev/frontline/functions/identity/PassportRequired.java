package dev.frontline.functions.identity;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A function call without a passport (401): it did not come through a gateway.
 */
class PassportRequired extends FunctionProblem {

	PassportRequired() {
		super(HttpStatus.UNAUTHORIZED, "passport-required", "Passport required",
				"Functions are called through the gateway, which sends a passport in "
						+ PassportFilter.PASSPORT_HEADER);
		getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, PassportInvalid.CHALLENGE);
	}

}
