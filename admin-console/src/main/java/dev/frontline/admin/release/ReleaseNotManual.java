package dev.frontline.admin.release;

import dev.frontline.admin.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A weight was set on a release that its evaluations step up.
 */
class ReleaseNotManual extends ErrorResponseException {

	ReleaseNotManual(Release release) {
		super(HttpStatus.CONFLICT, problem(release), null);
	}

	private static ProblemDetail problem(Release release) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "release-not-manual", "Release not manual",
				"Release " + release.id() + " runs in auto mode, where evaluations set the weight; only a manual"
						+ " release takes a weight from an operator");
		problem.setProperty("mode", release.mode().label());
		problem.setProperty("state", release.state().label());
		return problem;
	}

}
