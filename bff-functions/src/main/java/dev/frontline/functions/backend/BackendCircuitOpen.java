package dev.frontline.functions.backend;

import java.time.Duration;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A backend failed so often lately that its circuit breaker opened: calls fail at once,
 * without reaching it, until the breaker lets a few through again (503, with
 * {@code Retry-After} in seconds).
 */
public class BackendCircuitOpen extends FunctionProblem {

	BackendCircuitOpen(String backend, Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "backend-circuit-open", "Backend circuit open",
				"The " + backend + " backend failed too often lately; it is not called for a while");
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
	}

}
