package dev.frontline.gateway.metrics;

/**
 * How a request, or the wait on its target, turned out: the {@code outcome} tag of the
 * gateway's request metrics, a fixed set.
 */
public enum Outcome {

	/** Answered with 1xx, 2xx or 3xx. */
	SUCCESS("success"),

	/**
	 * Answered with 4xx: by the target, or by the gateway for a request it cannot route
	 * (no route, bad request).
	 */
	CLIENT_ERROR("client_error"),

	/** Answered with 5xx by the target, or with 500 by the gateway. */
	SERVER_ERROR("server_error"),

	/**
	 * Refused by the gateway itself: 401 and 403 by authentication or CORS, 429 by rate
	 * limiting, 503 when the rate limits or the keys to verify tokens cannot be checked.
	 */
	REJECTED("rejected"),

	/**
	 * The target could not be reached or broke the connection; the gateway answered 502.
	 */
	UPSTREAM_ERROR("upstream_error"),

	/** The target did not answer in time; the gateway answered 504. */
	TIMEOUT("timeout");

	private final String tag;

	Outcome(String tag) {
		this.tag = tag;
	}

	/**
	 * The value of the {@code outcome} tag.
	 * @return the lower-case name
	 */
	public String tag() {
		return this.tag;
	}

	/**
	 * The outcome of a request answered with the given status.
	 * @param status the status of the answer
	 * @param fromTarget whether the status is the target's, rather than the gateway's own
	 * @return the outcome
	 */
	static Outcome of(int status, boolean fromTarget) {
		if (status < 400) {
			return SUCCESS;
		}
		if (fromTarget) {
			return ofTarget(status);
		}
		return switch (status) {
			case 401, 403, 429, 503 -> REJECTED;
			case 502 -> UPSTREAM_ERROR;
			case 504 -> TIMEOUT;
			default -> (status >= 500) ? SERVER_ERROR : CLIENT_ERROR;
		};
	}

	/**
	 * The outcome of an answer of the target with the given status.
	 */
	static Outcome ofTarget(int status) {
		if (status < 400) {
			return SUCCESS;
		}
		return (status >= 500) ? SERVER_ERROR : CLIENT_ERROR;
	}

}
