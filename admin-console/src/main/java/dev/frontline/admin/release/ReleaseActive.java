package dev.frontline.admin.release;

import dev.frontline.admin.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A change would conflict with the running or paused release of a route: a second
 * release, removing the route, or changing its canary behind the release's back.
 */
public class ReleaseActive extends ErrorResponseException {

	/**
	 * Creates an exception for the active release of a route.
	 * @param routeId the route
	 * @param releaseId its active release
	 * @param refused what cannot be done, such as {@code delete route home}
	 */
	public ReleaseActive(String routeId, long releaseId, String refused) {
		super(HttpStatus.CONFLICT, problem(routeId, releaseId, refused), null);
	}

	private static ProblemDetail problem(String routeId, long releaseId, String refused) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "release-active", "Release active",
				"Cannot " + refused + ": release " + releaseId + " of route '" + routeId
						+ "' is active; promote or abort it first (/api/v1/releases/" + releaseId + ")");
		problem.setProperty("releaseId", releaseId);
		problem.setProperty("routeId", routeId);
		return problem;
	}

}
