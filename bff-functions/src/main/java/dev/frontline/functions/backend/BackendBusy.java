package dev.frontline.functions.backend;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * As many calls to a backend as its bulkhead allows are in flight already, so this one
 * was refused rather than queued (503, with {@code Retry-After: 1}).
 */
public class BackendBusy extends FunctionProblem {

	BackendBusy(String backend, int maxConcurrentCalls) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "backend-busy", "Backend busy",
				"The " + backend + " backend already has " + maxConcurrentCalls + " calls in flight");
		getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
	}

}
