package dev.frontline.admin.routing;

import dev.frontline.admin.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The current snapshot has no route with the requested id.
 */
class RouteNotFound extends ErrorResponseException {

	RouteNotFound(String id) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "route-not-found", "Route not found",
				"No route with id '" + id + "' in the current config"), null);
	}

}
