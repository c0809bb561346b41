package dev.frontline.functions.storefront;

import jakarta.validation.constraints.NotBlank;

/**
 * Input naming a product, such as {@code {"id":"p1"}}. Other fields are ignored.
 *
 * @param id the product id
 */
public record ProductQuery(@NotBlank String id) {

}
