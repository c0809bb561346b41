package dev.frontline.admin.security;

import org.jspecify.annotations.Nullable;

/**
 * Who makes a change, as recorded in the config history. Until people log in, a client
 * may name itself with the {@value #HEADER} header; without it, changes are
 * {@code anonymous}.
 *
 * @param name the name recorded as {@code createdBy}
 */
public record Author(String name) {

	/** The header naming the author of a change. */
	public static final String HEADER = "X-Frontline-User";

	/** The author of changes the console makes itself, such as seeding. */
	public static final Author SYSTEM = new Author("system");

	/** The author of changes from an unnamed client. */
	public static final Author ANONYMOUS = new Author("anonymous");

	private static final int MAX_LENGTH = 100;

	/**
	 * The author named by a header value; {@link #ANONYMOUS} if the value is absent,
	 * blank, too long, or has control characters.
	 */
	public static Author fromHeader(@Nullable String value) {
		if (value == null) {
			return ANONYMOUS;
		}
		String name = value.strip();
		if (name.isEmpty() || name.length() > MAX_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
			return ANONYMOUS;
		}
		return new Author(name);
	}

}
