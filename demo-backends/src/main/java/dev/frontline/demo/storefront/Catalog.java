package dev.frontline.demo.storefront;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The twenty products {@code p1} to {@code p20}, and recommendations drawn from them.
 */
public final class Catalog {

	/**
	 * How many products a recommendation holds unless the caller asks otherwise.
	 */
	public static final int DEFAULT_RECOMMENDATIONS = 5;

	// Prices are kept in cents so that cart totals are exact sums.
	private static final List<Listing> LISTINGS = List.of(
			new Listing("Canvas Backpack", 4990, "A roomy backpack in waxed canvas."),
			new Listing("Ceramic Mug", 1250, "A stoneware mug that keeps coffee warm."),
			new Listing("Dotted Notebook", 999, "A5, 160 dotted pages, lies flat."),
			new Listing("Wireless Headphones", 8900, "Over-ear, thirty hours of battery."),
			new Listing("Steel Water Bottle", 2495, "Insulated, holds 750 ml."),
			new Listing("Desk Lamp", 3450, "Warm light with a dimmer."),
			new Listing("Running Sneakers", 7999, "Light trainers for daily runs."),
			new Listing("Wool Scarf", 2900, "Soft merino in charcoal."),
			new Listing("Polarised Sunglasses", 5900, "Acetate frames, UV400 lenses."),
			new Listing("Travel Umbrella", 1999, "Folds to twenty centimetres."),
			new Listing("Espresso Beans", 1475, "A kilo of dark roast."),
			new Listing("Bamboo Cutting Board", 2240, "Large board with a juice groove."),
			new Listing("Linen Apron", 2730, "Washed linen with two pockets."),
			new Listing("Fountain Pen", 4400, "Steel nib, converter included."),
			new Listing("Yoga Mat", 3199, "Six millimetres, non-slip."),
			new Listing("Bluetooth Speaker", 6450, "Splash-proof, twelve hours of play."),
			new Listing("Cotton Tote", 1120, "Heavy canvas tote bag."),
			new Listing("Scented Candle", 1680, "Cedar and fig, forty hours."),
			new Listing("Leather Wallet", 5400, "Slim bifold in vegetable-tanned leather."),
			new Listing("Plant Pot", 1860, "Glazed terracotta with a saucer."));

	/**
	 * The largest number of products a recommendation can hold.
	 */
	public static final int SIZE = LISTINGS.size();

	// Steps coprime with the catalog size visit every product once, so picks never
	// repeat.
	private static final int[] STRIDES = { 1, 3, 7, 9, 11, 13, 17, 19 };

	/**
	 * Finds a product.
	 * @param id the product id, {@code p1} to {@code p20}
	 * @return the product, or empty for any other id
	 */
	public Optional<Product> product(String id) {
		if (!id.matches("p[1-9][0-9]?")) {
			return Optional.empty();
		}
		int number = Integer.parseInt(id.substring(1));
		return (number <= SIZE) ? Optional.of(product(number - 1)) : Optional.empty();
	}

	/**
	 * Recommends products to a user; the same user always gets the same products in the
	 * same order.
	 * @param user the user id
	 * @param limit how many products, between 1 and {@link #SIZE}
	 * @return the recommendations
	 */
	public Recommendations recommendations(String user, int limit) {
		if (limit < 1 || limit > SIZE) {
			throw new IllegalArgumentException("limit must be between 1 and " + SIZE);
		}
		int hash = StableHash.of(user);
		int start = Math.floorMod(hash, SIZE);
		int stride = STRIDES[Math.floorMod(hash / SIZE, STRIDES.length)];
		List<Product> items = new ArrayList<>(limit);
		for (int i = 0; i < limit; i++) {
			items.add(product((start + i * stride) % SIZE));
		}
		return new Recommendations(List.copyOf(items));
	}

	static Product product(int index) {
		Listing listing = LISTINGS.get(index);
		return new Product("p" + (index + 1), listing.name(), listing.priceInCents() / 100.0, listing.description());
	}

	static int priceInCents(int index) {
		return LISTINGS.get(index).priceInCents();
	}

	private record Listing(String name, int priceInCents, String description) {

	}

}
