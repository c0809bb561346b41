package dev.frontline.functions.storefront;

import java.util.function.Function;

import dev.frontline.functions.FunctionDescription;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The storefront functions. Their input has been validated against its constraints before
 * they run.
 */
@Configuration(proxyBeanMethods = false)
class StorefrontFunctions {

	@Bean
	@FunctionDescription("A user's profile: id, name and loyalty tier.")
	Function<UserQuery, Mono<Profile>> profile(Storefront storefront) {
		return (query) -> storefront.profile(query.user());
	}

	@Bean
	@FunctionDescription("Products recommended to a user, best first.")
	Function<UserQuery, Mono<Recommendations>> recommendations(Storefront storefront) {
		return (query) -> storefront.recommendations(query.user());
	}

	@Bean
	@FunctionDescription("A user's cart: its lines and total.")
	Function<UserQuery, Mono<Cart>> cart(Storefront storefront) {
		return (query) -> storefront.cart(query.user());
	}

	@Bean
	@FunctionDescription("A product of the catalog by id; 404 when the catalog has no such product.")
	Function<ProductQuery, Mono<Product>> product(Storefront storefront) {
		return (query) -> storefront.product(query.id());
	}

	@Bean
	@FunctionDescription("A user's profile, recommendations and cart, fetched in parallel.")
	Function<UserQuery, Mono<HomePage>> homePage(Storefront storefront) {
		return (query) -> storefront.homePage(query.user());
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

}
