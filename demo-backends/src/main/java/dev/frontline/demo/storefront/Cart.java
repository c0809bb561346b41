package dev.frontline.demo.storefront;

import java.util.List;

/**
 * A user's shopping cart.
 *
 * @param user the user id
 * @param items the lines of the cart
 * @param total the sum of quantity times unit price over all lines
 */
public record Cart(String user, List<CartItem> items, double total) {

}
