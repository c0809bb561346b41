package dev.frontline.functions.storefront;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * Everything a home page shows, gathered from the three backends. Recommendations and the
 * cart are optional: when one of them is missing it is empty, and {@code missing} names
 * it.
 *
 * @param banner what the canary of a release shows above the page
 * ({@value DemoProperties#CANARY_BANNER}); left out of the JSON on the stable runtime
 * @param profile the user's profile
 * @param recommendations products recommended to the user; empty when missing
 * @param cart the user's cart; empty when missing
 * @param missing the parts that could not be fetched ({@code recommendations},
 * {@code cart}); left out of the JSON when none is missing
 */
public record HomePage(@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String banner,
		@NotNull @Valid Profile profile, @NotNull @Valid Recommendations recommendations, @NotNull @Valid Cart cart,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> missing) {

	public HomePage {
		// Absent from a whole page's JSON, so null when one is read.
		missing = (missing != null) ? List.copyOf(missing) : List.of();
	}

	/**
	 * A home page without a banner.
	 * @param profile the user's profile
	 * @param recommendations products recommended to the user; empty when missing
	 * @param cart the user's cart; empty when missing
	 * @param missing the parts that could not be fetched
	 */
	public HomePage(Profile profile, Recommendations recommendations, Cart cart, List<String> missing) {
		this(null, profile, recommendations, cart, missing);
	}

	/**
	 * A whole home page, nothing missing, without a banner.
	 * @param profile the user's profile
	 * @param recommendations products recommended to the user
	 * @param cart the user's cart
	 */
	public HomePage(Profile profile, Recommendations recommendations, Cart cart) {
		this(null, profile, recommendations, cart, List.of());
	}

}
