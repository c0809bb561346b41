package dev.frontline.demo.storefront;

/**
 * A user's profile as the profile backend answers it.
 *
 * @param id the user id
 * @param name the display name
 * @param tier the loyalty tier: {@code gold}, {@code silver} or {@code bronze}
 */
public record UserProfile(String id, String name, String tier) {

}
