package dev.frontline.admin.release;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a release stands. Running and paused releases are active: their route has a
 * canary that the release controls. The others are finished.
 */
enum ReleaseState {

	/** Stepping up, by evaluations (auto mode) or by the operator (manual mode). */
	RUNNING,

	/** Held at its weight, without evaluations, until resumed. */
	PAUSED,

	/** The canary target became the route's stable target. */
	PROMOTED,

	/** Failing evaluations set the canary's weight to 0. */
	ROLLED_BACK,

	/** An operator, or a config rollback, set the canary's weight to 0. */
	ABORTED;

	/**
	 * The name the API uses, such as {@code rolled_back}.
	 */
	@JsonValue
	String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	boolean active() {
		return this == RUNNING || this == PAUSED;
	}

	/**
	 * The state with the given label.
	 */
	static Optional<ReleaseState> of(String label) {
		return Arrays.stream(values()).filter((state) -> state.label().equals(label)).findFirst();
	}

	/**
	 * Every label, for messages.
	 */
	static String labels() {
		return Arrays.stream(values()).map(ReleaseState::label).collect(Collectors.joining(", "));
	}

}
