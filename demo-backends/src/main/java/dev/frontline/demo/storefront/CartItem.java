package dev.frontline.demo.storefront;

/**
 * One line of a cart.
 *
 * @param productId the product id
 * @param name the product name
 * @param quantity how many, at least one
 * @param price the unit price
 */
public record CartItem(String productId, String name, int quantity, double price) {

}
