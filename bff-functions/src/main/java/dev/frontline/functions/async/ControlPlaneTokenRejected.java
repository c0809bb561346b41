package dev.frontline.functions.async;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A request to an operator endpoint without the control-plane token, or with another
 * token (401). A passport does not do: operators act for the platform, not for a caller.
 */
class ControlPlaneTokenRejected extends FunctionProblem {

	private ControlPlaneTokenRejected(String name, String title, String detail) {
		super(HttpStatus.UNAUTHORIZED, name, title, detail);
		getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"frontline-control-plane\"");
	}

	static ControlPlaneTokenRejected missing() {
		return new ControlPlaneTokenRejected("control-plane-token-required", "Control-plane token required",
				"Operator endpoints take the control-plane token as Authorization: Bearer <token>");
	}

	static ControlPlaneTokenRejected wrong() {
		return new ControlPlaneTokenRejected("control-plane-token-invalid", "Control-plane token invalid",
				"The bearer token is not the control-plane token");
	}

}
