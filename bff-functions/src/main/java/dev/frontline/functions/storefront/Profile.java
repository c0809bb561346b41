package dev.frontline.functions.storefront;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A user's profile.
 *
 * @param id the user id
 * @param name the display name
 * @param tier the loyalty tier
 */
public record Profile(@NotBlank String id, @NotNull String name, @NotNull String tier) {

}
