package dev.frontline.demo.storefront;

/**
 * A product of the catalog.
 *
 * @param id the product id, {@code p1} to {@code p20}
 * @param name the product name
 * @param price the unit price
 * @param description a sentence about the product
 */
public record Product(String id, String name, double price, String description) {

}
