package dev.frontline.functions.storefront;

import java.util.function.Function;

import dev.frontline.functions.FunctionDescription;
import dev.frontline.functions.identity.Caller;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The storefront functions. Their input has been validated against its constraints before
 * they run, and the call's passport verified: the user they answer about is the caller.
 */
@Configuration(proxyBeanMethods = false)
class StorefrontFunctions {

	@Bean
	@FunctionDescription("The caller's profile: id, name and loyalty tier. Requires an authenticated caller.")
	Function<CallerQuery, Mono<Profile>> profile(Storefront storefront) {
		return forTheCaller(storefront::profile);
	}

	@Bean
	@FunctionDescription("Products recommended to the caller, best first. Requires an authenticated caller.")
	Function<CallerQuery, Mono<Recommendations>> recommendations(Storefront storefront) {
		return forTheCaller(storefront::recommendations);
	}

	@Bean
	@FunctionDescription("The caller's cart: its lines and total. Requires an authenticated caller.")
	Function<CallerQuery, Mono<Cart>> cart(Storefront storefront) {
		return forTheCaller(storefront::cart);
	}

	@Bean
	@FunctionDescription("A product of the catalog by id; 404 when the catalog has no such product.")
	Function<ProductQuery, Mono<Product>> product(Storefront storefront) {
		return (query) -> storefront.product(query.id());
	}

	@Bean
	@FunctionDescription("The caller's profile, recommendations and cart, fetched in parallel; "
			+ "answers without recommendations or cart, naming them in 'missing', when they fail. "
			+ "Requires an authenticated caller.")
	Function<CallerQuery, Mono<HomePage>> homePage(Storefront storefront) {
		return forTheCaller(storefront::homePage);
	}

	@Bean
	@FunctionDescription("Shapes a home page for the mobile app: greeting, cart count and three picks.")
	Function<HomePage, MobileHome> mobileView() {
		return MobileHome::of;
	}

	@Bean
	@FunctionDescription("Shapes a home page for the web site: profile, all recommendations and the cart.")
	Function<HomePage, WebHome> webView() {
		return WebHome::of;
	}

	// The user is whom the passport names, never a field of the input.
	private static <T> Function<CallerQuery, Mono<T>> forTheCaller(Function<String, Mono<T>> answer) {
		return (query) -> Caller.current()
			.map(Caller::requireAuthenticated)
			.flatMap((caller) -> answer.apply(caller.subject()));
	}

}
