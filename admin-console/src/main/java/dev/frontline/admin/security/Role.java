package dev.frontline.admin.security;

import java.util.Locale;

/**
 * What a person may do in the console. Each role includes the rights of the roles below
 * it: an admin may do whatever an operator may, an operator whatever a viewer may.
 */
public enum Role {

	/** Reads everything, changes nothing. */
	VIEWER,

	/**
	 * Changes routes, the default rate limit and timer triggers, rolls the config back,
	 * runs releases, and redrives dead letters.
	 */
	OPERATOR,

	/** Manages API keys. */
	ADMIN;

	/**
	 * The role's name as users and responses spell it, such as {@code operator}.
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether this role has the rights of the given one: its own, and those of every role
	 * below it.
	 */
	public boolean includes(Role other) {
		return compareTo(other) >= 0;
	}

}
