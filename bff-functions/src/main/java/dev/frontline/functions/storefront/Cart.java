package dev.frontline.functions.storefront;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A user's cart.
 *
 * @param user the user id
 * @param items the lines
 * @param total what the lines cost together
 */
public record Cart(@NotBlank String user, @NotNull List<@NotNull @Valid CartItem> items, double total) {

	/**
	 * An empty cart, which stands in for one that could not be fetched.
	 * @param user the user id
	 * @return a cart without lines
	 */
	static Cart empty(String user) {
		return new Cart(user, List.of(), 0);
	}

}
