package dev.frontline.functions.storefront;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The home page as the web site shows it: the whole profile, every recommendation and the
 * cart.
 *
 * @param view always {@code web}
 * @param banner the home page's banner, shown by the canary of a release; left out of the
 * JSON when there is none
 * @param user the user's profile
 * @param recommendations every recommended product
 * @param cart the cart's lines and total
 * @param missing the parts of the home page that could not be fetched; left out of the
 * JSON when none is missing
 */
public record WebHome(String view, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String banner, Profile user,
		List<Product> recommendations, CartSummary cart,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> missing) {

	static WebHome of(HomePage page) {
		return new WebHome("web", page.banner(), page.profile(), page.recommendations().items(),
				new CartSummary(page.cart().items(), page.cart().total()), page.missing());
	}

	/**
	 * A cart without its owner, who is the page's user.
	 *
	 * @param items the lines
	 * @param total what the lines cost together
	 */
	public record CartSummary(List<CartItem> items, double total) {

	}

}
