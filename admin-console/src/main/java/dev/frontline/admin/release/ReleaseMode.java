package dev.frontline.admin.release;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who steps a release up.
 */
enum ReleaseMode {

	/** Evaluations step it up, promote it after the last step, or roll it back. */
	@JsonProperty("auto")
	AUTO,

	/** The operator sets its weight and promotes or aborts it; nothing is evaluated. */
	@JsonProperty("manual")
	MANUAL;

	String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
