package dev.frontline.admin.deadletter;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What redriving every dead letter did.
 *
 * @param redriven how many dead letters were queued again, on all runtimes together
 * @param runtimes what each runtime did
 */
record Redriven(int redriven, List<OnRuntime> runtimes) {

	Redriven {
		runtimes = List.copyOf(runtimes);
	}

	/**
	 * What one runtime did.
	 *
	 * @param runtime its base URI
	 * @param redriven how many dead letters it queued again; {@code null} if it could not
	 * be used
	 * @param error why it could not be used; {@code null} if it could
	 */
	record OnRuntime(String runtime, @Nullable Integer redriven, @Nullable String error) {

	}

}
