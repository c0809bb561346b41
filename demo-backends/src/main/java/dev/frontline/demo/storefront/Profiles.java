package dev.frontline.demo.storefront;

import java.util.List;
import java.util.Optional;

/**
 * Every user id has a profile, except {@value #MISSING_USER}, so that callers can
 * exercise their not-found path.
 */
public final class Profiles {

	/**
	 * The one user id that has no profile.
	 */
	public static final String MISSING_USER = "missing";

	// Ordered so that the hash of "alice", the id used in examples, lands on gold.
	private static final List<String> TIERS = List.of("silver", "gold", "bronze");

	/**
	 * Finds the profile of a user.
	 * @param id the user id
	 * @return the profile, or empty for a blank id or {@value #MISSING_USER}
	 */
	public Optional<UserProfile> find(String id) {
		if (id.isBlank() || MISSING_USER.equals(id)) {
			return Optional.empty();
		}
		String tier = TIERS.get(Math.floorMod(StableHash.of(id), TIERS.size()));
		return Optional.of(new UserProfile(id, capitalised(id), tier));
	}

	private static String capitalised(String id) {
		int first = id.codePointAt(0);
		return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
			.append(id, Character.charCount(first), id.length())
			.toString();
	}

}
