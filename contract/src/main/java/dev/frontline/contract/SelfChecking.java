package dev.frontline.contract;

/**
 * A value whose fields must agree with each other. Checked by the {@link Consistent}
 * constraint, which reports each problem against the field it names.
 */
public interface SelfChecking {

	/**
	 * Reports every pair of fields that contradict each other.
	 */
	void checkConsistency(Problems problems);

	/**
	 * Collects problems found by {@link #checkConsistency(Problems)}.
	 */
	@FunctionalInterface
	interface Problems {

		/**
		 * Adds a problem with the field at the given path, relative to the checked value
		 * (for example {@code header} or {@code routes[2].id}).
		 */
		void add(String field, String message);

	}

}
