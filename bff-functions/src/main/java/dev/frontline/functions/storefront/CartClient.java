package dev.frontline.functions.storefront;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The cart backend.
 */
@HttpExchange(accept = "application/json")
interface CartClient {

	/**
	 * A user's cart.
	 */
	@GetExchange("/carts/{user}")
	Mono<Cart> cart(@PathVariable String user);

}
