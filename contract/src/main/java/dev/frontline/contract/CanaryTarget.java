package dev.frontline.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A second target that takes a weighted share of a route's traffic.
 *
 * @param target where the canary share goes
 * @param weight the percentage of callers sent to the canary, 0 to 100
 * @param sticky what keeps a caller on one side: {@code user}, {@code cookie} or
 * {@code none}; default {@code user} (falling back to a cookie, then the client IP)
 * @param overrides whether callers may force a side with the override header or cookie;
 * default false
 * @param variantHeader whether responses name the side that served them; default true
 */
public record CanaryTarget(@NotNull @Valid Target target,
		@Min(0) @Max(100) @JsonSetter(nulls = Nulls.AS_EMPTY) int weight, @NotNull StickyKey sticky,
		@JsonSetter(nulls = Nulls.AS_EMPTY) boolean overrides, @NotNull Boolean variantHeader) {

	public CanaryTarget {
		sticky = (sticky != null) ? sticky : StickyKey.USER;
		variantHeader = (variantHeader != null) ? variantHeader : Boolean.TRUE;
	}

	/**
	 * A canary at the given weight with default settings.
	 */
	public static CanaryTarget of(Target target, int weight) {
		return new CanaryTarget(target, weight, StickyKey.USER, false, true);
	}

	/**
	 * A copy at another weight.
	 */
	public CanaryTarget withWeight(int weight) {
		return new CanaryTarget(this.target, weight, this.sticky, this.overrides, this.variantHeader);
	}

	/** What keeps one caller on one side of a split. */
	public enum StickyKey {

		/** The authenticated subject; else a cookie; else the client IP. */
		@JsonProperty("user")
		USER,

		/** A cookie set by the gateway. */
		@JsonProperty("cookie")
		COOKIE,

		/** Chosen per request. */
		@JsonProperty("none")
		NONE

	}

}
