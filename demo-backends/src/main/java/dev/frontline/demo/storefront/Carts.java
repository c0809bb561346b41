package dev.frontline.demo.storefront;

import java.util.ArrayList;
import java.util.List;

/**
 * Every user has a cart of one to three lines, always the same for the same user.
 */
public final class Carts {

	private static final int MAX_LINES = 3;

	private static final int MAX_QUANTITY = 3;

	// Coprime with the catalog size, so that the lines of a cart hold distinct products.
	private static final int STRIDE = 7;

	/**
	 * The cart of a user.
	 * @param user the user id
	 * @return the cart
	 */
	public Cart of(String user) {
		int hash = StableHash.of(user);
		int lines = 1 + Math.floorMod(hash, MAX_LINES);
		int first = Math.floorMod(hash >>> 8, Catalog.SIZE);
		List<CartItem> items = new ArrayList<>(lines);
		long totalInCents = 0;
		for (int line = 0; line < lines; line++) {
			int index = (first + line * STRIDE) % Catalog.SIZE;
			int quantity = 1 + Math.floorMod(hash >>> (16 + 4 * line), MAX_QUANTITY);
			Product product = Catalog.product(index);
			items.add(new CartItem(product.id(), product.name(), quantity, product.price()));
			totalInCents += (long) quantity * Catalog.priceInCents(index);
		}
		return new Cart(user, List.copyOf(items), totalInCents / 100.0);
	}

}
