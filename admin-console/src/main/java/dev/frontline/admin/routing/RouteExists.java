package dev.frontline.admin.routing;

import dev.frontline.admin.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A route was created with the id of a route that exists already.
 */
class RouteExists extends ErrorResponseException {

	RouteExists(String id) {
		super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "route-exists", "Route exists",
				"A route with id '" + id + "' exists already; change it with PUT /api/v1/routes/" + id), null);
	}

}
