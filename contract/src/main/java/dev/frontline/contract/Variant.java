package dev.frontline.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The side of a route's traffic split that served a request.
 */
public enum Variant {

	/** The route's stable target. */
	@JsonProperty("stable")
	STABLE,

	/** The route's canary target. */
	@JsonProperty("canary")
	CANARY;

	/**
	 * The name used in headers, metrics and JSON.
	 */
	public String label() {
		return (this == STABLE) ? "stable" : "canary";
	}

}
