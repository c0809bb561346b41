package dev.frontline.functions.storefront;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpStatus;

/**
 * The profile backend knows no such user (404).
 */
class UserNotFound extends FunctionProblem {

	UserNotFound(String user) {
		super(HttpStatus.NOT_FOUND, "user-not-found", "User not found", "No user '" + user + "'");
	}

}
