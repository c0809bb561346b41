package dev.frontline.admin.ratelimit;

import dev.frontline.admin.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The current snapshot has no default rate limit.
 */
class DefaultRateLimitNotSet extends ErrorResponseException {

	DefaultRateLimitNotSet() {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "default-rate-limit-not-set",
				"Default rate limit not set", "The current config has no default rate limit"), null);
	}

}
