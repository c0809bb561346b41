package dev.frontline.functions.storefront;

import reactor.core.publisher.Mono;

/**
 * What the storefront functions ask the backends.
 */
class Storefront {

	private final ProfileClient profiles;

	private final CatalogClient catalog;

	private final CartClient carts;

	Storefront(ProfileClient profiles, CatalogClient catalog, CartClient carts) {
		this.profiles = profiles;
		this.catalog = catalog;
		this.carts = carts;
	}

	Mono<Profile> profile(String user) {
		return this.profiles.user(user).switchIfEmpty(Mono.error(() -> new UserNotFound(user)));
	}

	Mono<Recommendations> recommendations(String user) {
		return this.catalog.recommendations(user).switchIfEmpty(Mono.error(() -> new UserNotFound(user)));
	}

	Mono<Cart> cart(String user) {
		return this.carts.cart(user).switchIfEmpty(Mono.error(() -> new UserNotFound(user)));
	}

	Mono<Product> product(String id) {
		return this.catalog.product(id).switchIfEmpty(Mono.error(() -> new ProductNotFound(id)));
	}

	/**
	 * Asks the three backends at once; the page takes as long as the slowest of them, and
	 * fails as soon as one fails.
	 */
	Mono<HomePage> homePage(String user) {
		return Mono.zip(profile(user), recommendations(user), cart(user))
			.map((parts) -> new HomePage(parts.getT1(), parts.getT2(), parts.getT3()));
	}

}
