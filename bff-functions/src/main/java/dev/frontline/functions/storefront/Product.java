package dev.frontline.functions.storefront;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A product of the catalog.
 *
 * @param id the product id
 * @param name the product name
 * @param price the unit price
 * @param description a sentence about the product
 */
public record Product(@NotBlank String id, @NotNull String name, double price, @NotNull String description) {

}
