package dev.frontline.admin.fleet;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.frontline.contract.RouteStats;
import dev.frontline.contract.Variant;

/**
 * What one route served over the overview's window, in total and per side of its split.
 *
 * @param route the route id
 * @param total both sides together
 * @param variants each side that served requests, stable first
 */
record RouteTraffic(String route, @JsonUnwrapped Traffic total, List<VariantTraffic> variants) {

	/**
	 * The traffic of a route from the merged reports of its sides.
	 */
	static RouteTraffic of(String route, List<RouteStats> sides, Duration window) {
		// RouteStats adds up one variant only; the total re-labels the sides as one.
		RouteStats total = RouteStats.empty(route, Variant.STABLE);
		for (RouteStats side : sides) {
			total = total.plus(new RouteStats(route, Variant.STABLE, side.status2xx(), side.status4xx(),
					side.status5xx(), side.latency()));
		}
		List<VariantTraffic> variants = sides.stream()
			.map((side) -> new VariantTraffic(side.variant(), Traffic.of(side, window)))
			.toList();
		return new RouteTraffic(route, Traffic.of(total, window), variants);
	}

	/**
	 * What one side of a route's split served.
	 *
	 * @param variant the side
	 * @param traffic what it served
	 */
	record VariantTraffic(Variant variant, @JsonUnwrapped Traffic traffic) {

	}

}
