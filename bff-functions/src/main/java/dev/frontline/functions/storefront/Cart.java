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

}
