package dev.frontline.functions.storefront;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The profile backend.
 */
@HttpExchange(accept = "application/json")
interface ProfileClient {

	/**
	 * A user's profile; empty if the backend knows no such user.
	 */
	@GetExchange("/users/{id}")
	Mono<Profile> user(@PathVariable String id);

}
