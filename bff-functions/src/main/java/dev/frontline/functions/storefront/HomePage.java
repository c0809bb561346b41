package dev.frontline.functions.storefront;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Everything a home page shows, gathered from the three backends. Recommendations and the
 * cart are optional: when one of them is missing it is empty, and {@code missing} names
 * it.
 *
 * @param profile the user's profile
 * @param recommendations products recommended to the user; empty when missing
 * @param cart the user's cart; empty when missing
 * @param missing the parts that could not be fetched ({@code recommendations},
 * {@code cart}); left out of the JSON when none is missing
 */
public record HomePage(@NotNull @Valid Profile profile, @NotNull @Valid Recommendations recommendations,
		@NotNull @Valid Cart cart, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> missing) {

	public HomePage {
		// Absent from a whole page's JSON, so null when one is read.
		missing = (missing != null) ? List.copyOf(missing) : List.of();
	}

	/**
	 * A whole home page, nothing missing.
	 * @param profile the user's profile
	 * @param recommendations products recommended to the user
	 * @param cart the user's cart
	 */
	public HomePage(Profile profile, Recommendations recommendations, Cart cart) {
		this(profile, recommendations, cart, List.of());
	}

}
