package dev.frontline.functions.storefront;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Products recommended to a user, best first.
 *
 * @param items the products
 */
public record Recommendations(@NotNull List<@NotNull @Valid Product> items) {

	/**
	 * No recommendations, which stand in for those that could not be fetched.
	 * @return recommendations without products
	 */
	static Recommendations none() {
		return new Recommendations(List.of());
	}

}
