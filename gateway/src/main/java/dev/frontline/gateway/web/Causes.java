package dev.frontline.gateway.web;

/**
 * Looks for an exception among the causes of another.
 */
public final class Causes {

	private Causes() {
	}

	/**
	 * Whether the exception, or any of its causes, is of the given type.
	 * @param ex the exception
	 * @param type the type to look for
	 * @return {@code true} if {@code ex} or one of its causes is a {@code type}
	 */
	public static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
			if (cause.getCause() == cause) {
				return false;
			}
		}
		return false;
	}

}
