package dev.frontline.demo.storefront;

import java.util.List;

/**
 * Products recommended to a user, best first.
 *
 * @param items the recommended products
 */
public record Recommendations(List<Product> items) {

}
