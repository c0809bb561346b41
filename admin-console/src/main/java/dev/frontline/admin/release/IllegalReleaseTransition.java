package dev.frontline.admin.release;

import java.util.List;
import java.util.stream.Collectors;

import dev.frontline.admin.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A release cannot take the requested step from the state it is in, such as resuming a
 * promoted release.
 */
class IllegalReleaseTransition extends ErrorResponseException {

	/**
	 * Creates an exception for a release that is not in any of the allowed states.
	 * @param release the release
	 * @param action what was asked, such as {@code resume}
	 * @param allowed the states it may be asked in
	 */
	IllegalReleaseTransition(Release release, String action, List<ReleaseState> allowed) {
		super(HttpStatus.CONFLICT, problem(release, action, allowed), null);
	}

	private static ProblemDetail problem(Release release, String action, List<ReleaseState> allowed) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "illegal-release-transition",
				"Illegal release transition",
				"Release " + release.id() + " is " + release.state().label() + "; only a "
						+ allowed.stream().map(ReleaseState::label).collect(Collectors.joining(" or "))
						+ " release can " + action);
		problem.setProperty("state", release.state().label());
		return problem;
	}

}
