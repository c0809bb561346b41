package dev.frontline.functions.async;

/**
 * Why an invocation went to the dead letters.
 */
enum DeadLetterReason {

	/**
	 * An attempt failed in a way that a retry would not mend, such as bad input: the
	 * invocation is {@code failed}.
	 */
	NOT_RETRYABLE("not_retryable"),

	/**
	 * Every attempt its policy allows failed.
	 */
	RETRIES_EXHAUSTED("retries_exhausted"),

	/**
	 * It would have grown older than its policy's maximum event age before its next
	 * attempt.
	 */
	MAX_EVENT_AGE_EXCEEDED("max_event_age_exceeded");

	private final String label;

	DeadLetterReason(String label) {
		this.label = label;
	}

	/**
	 * The reason as stored and in JSON.
	 * @return such as {@code retries_exhausted}
	 */
	String label() {
		return this.label;
	}

	static DeadLetterReason ofLabel(String label) {
		for (DeadLetterReason reason : values()) {
			if (reason.label.equals(label)) {
				return reason;
			}
		}
		throw new IllegalArgumentException("No dead-letter reason '" + label + "'");
	}

}
