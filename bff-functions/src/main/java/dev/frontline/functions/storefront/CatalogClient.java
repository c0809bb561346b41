package dev.frontline.functions.storefront;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The catalog backend.
 */
@HttpExchange(accept = "application/json")
interface CatalogClient {

	/**
	 * A product; empty if the catalog knows no such product.
	 */
	@GetExchange("/products/{id}")
	Mono<Product> product(@PathVariable String id);

	/**
	 * The catalog's default number of recommendations for a user.
	 */
	@GetExchange("/recommendations")
	Mono<Recommendations> recommendations(@RequestParam String user);

}
