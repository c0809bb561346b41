package dev.frontline.functions.storefront;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Everything a home page shows, gathered from the three backends.
 *
 * @param profile the user's profile
 * @param recommendations products recommended to the user
 * @param cart the user's cart
 */
public record HomePage(@NotNull @Valid Profile profile, @NotNull @Valid Recommendations recommendations,
		@NotNull @Valid Cart cart) {

}
