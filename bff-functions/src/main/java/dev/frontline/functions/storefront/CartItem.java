package dev.frontline.functions.storefront;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * One line of a cart.
 *
 * @param productId the product id
 * @param name the product name
 * @param quantity how many
 * @param price the unit price
 */
public record CartItem(@NotBlank String productId, @NotNull String name, @Positive int quantity, double price) {

}
