package dev.frontline.admin.routing;

import java.util.List;

import dev.frontline.admin.web.Problems;
import dev.frontline.contract.FieldError;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A route was created with the id of a route that exists already. The problem names the
 * {@code id} field, as every refused write names what it refused.
 */
class RouteExists extends ErrorResponseException {

	RouteExists(String id) {
		super(HttpStatus.CONFLICT, problem(id), null);
	}

	private static ProblemDetail problem(String id) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "route-exists", "Route exists",
				"A route with id '" + id + "' exists already; change it with PUT /api/v1/routes/" + id);
		problem.setProperty("errors", List.of(new FieldError("id", "is the id of an existing route")));
		return problem;
	}

}
