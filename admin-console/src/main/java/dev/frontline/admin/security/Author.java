package dev.frontline.admin.security;

/**
 * Who makes a change, as recorded in the config history: the logged-in user's name.
 *
 * @param name the name recorded as {@code createdBy}
 */
public record Author(String name) {

	/** The author of changes the console makes itself, such as seeding. */
	public static final Author SYSTEM = new Author("system");

}
