package dev.frontline.contract;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What one gateway served for one route and variant since its previous report: counts by
 * status class and a latency histogram. Reports are deltas, so the control plane sums
 * them over a window across all gateways.
 *
 * @param route the route id
 * @param variant the side of the split that served the requests
 * @param status2xx responses with 1xx, 2xx or 3xx status
 * @param status4xx responses with 4xx status
 * @param status5xx responses with 5xx status, including the gateway's own 502 and 504
 * when a target fails or is too slow
 * @param latency time from receiving the request to completing the response
 */
public record RouteStats(@NotBlank @Size(max = 63) String route, @NotNull Variant variant,
		@PositiveOrZero @JsonSetter(nulls = Nulls.AS_EMPTY) long status2xx,
		@PositiveOrZero @JsonSetter(nulls = Nulls.AS_EMPTY) long status4xx,
		@PositiveOrZero @JsonSetter(nulls = Nulls.AS_EMPTY) long status5xx, @NotNull LatencyHistogram latency) {

	public RouteStats {
		latency = (latency != null) ? latency : LatencyHistogram.empty();
	}

	/**
	 * No requests yet for a route and variant.
	 */
	public static RouteStats empty(String route, Variant variant) {
		return new RouteStats(route, variant, 0, 0, 0, LatencyHistogram.empty());
	}

	/**
	 * All requests counted.
	 */
	public long requests() {
		return this.status2xx + this.status4xx + this.status5xx;
	}

	/**
	 * The share of requests that failed on the server side (5xx), 0 when there were none.
	 */
	public double errorRate() {
		long requests = requests();
		return (requests == 0) ? 0 : (double) this.status5xx / requests;
	}

	/**
	 * These counts with another report's added.
	 * @throws IllegalArgumentException if the other report is for another route or
	 * variant
	 */
	public RouteStats plus(RouteStats other) {
		if (!this.route.equals(other.route) || this.variant != other.variant) {
			throw new IllegalArgumentException("cannot add stats of " + other.route + "/" + other.variant.label()
					+ " to " + this.route + "/" + this.variant.label());
		}
		return new RouteStats(this.route, this.variant, this.status2xx + other.status2xx,
				this.status4xx + other.status4xx, this.status5xx + other.status5xx, this.latency.plus(other.latency));
	}

}
