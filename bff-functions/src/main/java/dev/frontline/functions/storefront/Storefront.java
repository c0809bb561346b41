package dev.frontline.functions.storefront;

import dev.frontline.functions.fanout.Branch;
import dev.frontline.functions.fanout.FanOut;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * What the storefront functions ask the backends.
 */
class Storefront {

	private static final Log logger = LogFactory.getLog(Storefront.class);

	private final ProfileClient profiles;

	private final CatalogClient catalog;

	private final CartClient carts;

	private final StorefrontProperties properties;

	private final DemoProperties demo;

	Storefront(ProfileClient profiles, CatalogClient catalog, CartClient carts, StorefrontProperties properties,
			DemoProperties demo) {
		this.profiles = profiles;
		this.catalog = catalog;
		this.carts = carts;
		this.properties = properties;
		this.demo = demo;
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
	 * Asks the three backends at once; the page takes as long as the slowest of them.
	 * Without a profile there is no page; without recommendations or a cart, the page
	 * shows none and names them as missing. The canary of a release shows a banner on it,
	 * and fails it on purpose while its failure switch is on.
	 */
	Mono<HomePage> homePage(String user) {
		if (this.demo.fail()) {
			return Mono.error(DemoFailureSwitchedOn::new);
		}
		Branch<Profile> profile = Branch.required("profile", profile(user));
		Branch<Recommendations> recommendations = Branch
			.optional("recommendations", recommendations(user), Recommendations.none())
			.timeout(this.properties.optionalPartTimeout());
		Branch<Cart> cart = Branch.optional("cart", cart(user), Cart.empty(user))
			.timeout(this.properties.optionalPartTimeout());
		return FanOut.of(profile, recommendations, cart)
			.deadline(this.properties.homePageDeadline())
			.join((parts) -> new HomePage(this.demo.banner(), parts.get(profile), parts.get(recommendations),
					parts.get(cart), parts.missing()));
	}

	/**
	 * Calls each backend once, so that the first home page finds connections open and the
	 * JSON codecs loaded. A backend that is down does not hold the runtime back: the
	 * functions that need it answer with an error until it is back, and the others work.
	 */
	Mono<Void> warmUp() {
		return Mono.when(warm("catalog", this.catalog.product("p1")), warm("profile", this.profiles.user("warm-up")),
				warm("cart", this.carts.cart("warm-up")));
	}

	private static Mono<Void> warm(String backend, Mono<?> call) {
		return call.then().onErrorResume((ex) -> {
			logger.warn("Could not warm up the " + backend + " backend: " + ex.getMessage());
			return Mono.empty();
		});
	}

}
