package dev.frontline.functions.storefront;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.http.HttpStatus;

/**
 * The catalog knows no such product (404).
 */
class ProductNotFound extends FunctionProblem {

	ProductNotFound(String id) {
		super(HttpStatus.NOT_FOUND, "product-not-found", "Product not found", "No product '" + id + "'");
	}

}
