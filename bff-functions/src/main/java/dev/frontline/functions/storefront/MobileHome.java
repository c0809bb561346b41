package dev.frontline.functions.storefront;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The home page as the mobile app shows it: little data, few picks.
 *
 * @param view always {@code mobile}
 * @param banner the home page's banner, shown by the canary of a release; left out of the
 * JSON when there is none
 * @param greeting such as {@code Hi Alice}
 * @param cartCount how many items the cart holds, quantities summed
 * @param picks the first three recommendations
 * @param missing the parts of the home page that could not be fetched; left out of the
 * JSON when none is missing
 */
public record MobileHome(String view, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String banner,
		String greeting, int cartCount, List<Pick> picks,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> missing) {

	static final int PICKS = 3;

	static MobileHome of(HomePage page) {
		int cartCount = page.cart().items().stream().mapToInt(CartItem::quantity).sum();
		List<Pick> picks = page.recommendations()
			.items()
			.stream()
			.limit(PICKS)
			.map((product) -> new Pick(product.id(), product.name(), product.price()))
			.toList();
		return new MobileHome("mobile", page.banner(), "Hi " + page.profile().name(), cartCount, picks, page.missing());
	}

	/**
	 * A recommended product, without its description.
	 *
	 * @param id the product id
	 * @param name the product name
	 * @param price the unit price
	 */
	public record Pick(String id, String name, double price) {

	}

}
