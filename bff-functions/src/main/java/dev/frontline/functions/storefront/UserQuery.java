package dev.frontline.functions.storefront;

import jakarta.validation.constraints.NotBlank;

/**
 * Input naming a user, such as {@code {"user":"alice"}}. Other fields are ignored.
 *
 * @param user the user id
 */
public record UserQuery(@NotBlank String user) {

}
