package dev.frontline.contract;

/**
 * A field of a config document that is wrong, and why.
 *
 * @param field the path of the field, such as {@code match.path} or
 * {@code routes[2].stable.uris[0]}
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {

}
