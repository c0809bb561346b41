package dev.frontline.functions.web;

import java.util.List;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpStatus;

/**
 * A request body that is not JSON, or not valid input for the function (400). Lists the
 * fields at fault where there are some.
 */
class MalformedRequest extends FunctionProblem {

	MalformedRequest(String detail, List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
		if (!errors.isEmpty()) {
			getBody().setProperty("errors", errors);
		}
	}

	/**
	 * One field at fault.
	 *
	 * @param field the path of the field, such as {@code cart.items[0].quantity}; empty
	 * for the whole body
	 * @param message what is wrong with it
	 */
	record FieldError(String field, String message) {

	}

}
