package dev.frontline.functions.storefront;

import java.util.List;

/**
 * The home page as the web site shows it: the whole profile, every recommendation and the
 * cart.
 *
 * @param view always {@code web}
 * @param user the user's profile
 * @param recommendations every recommended product
 * @param cart the cart's lines and total
 */
public record WebHome(String view, Profile user, List<Product> recommendations, CartSummary cart) {

	static WebHome of(HomePage page) {
		return new WebHome("web", page.profile(), page.recommendations().items(),
				new CartSummary(page.cart().items(), page.cart().total()));
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
