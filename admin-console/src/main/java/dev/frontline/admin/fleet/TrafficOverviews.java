package dev.frontline.admin.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.frontline.contract.RouteStats;

import org.springframework.stereotype.Component;

/**
 * The traffic of every route over a window that ends now, summed over every gateway.
 */
@Component
class TrafficOverviews {

	private final RouteStatsReports reports;

	private final Clock clock = Clock.systemUTC();

	TrafficOverviews(RouteStatsReports reports) {
		this.reports = reports;
	}

	/**
	 * What each route served over the window that ends now.
	 */
	TrafficOverview over(Duration window) {
		Instant to = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant from = to.minus(window);
		Map<String, List<RouteStats>> byRoute = new LinkedHashMap<>();
		for (RouteStats stats : this.reports.mergedByRoute(from, to)) {
			byRoute.computeIfAbsent(stats.route(), (route) -> new ArrayList<>()).add(stats);
		}
		List<RouteTraffic> routes = byRoute.entrySet()
			.stream()
			.map((entry) -> RouteTraffic.of(entry.getKey(), entry.getValue(), window))
			.toList();
		return new TrafficOverview(window, from, to, routes);
	}

}
