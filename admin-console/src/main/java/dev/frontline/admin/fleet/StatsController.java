package dev.frontline.admin.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.frontline.contract.DurationJson;
import dev.frontline.contract.RouteStats;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The traffic overview: request rate, error rate and p99 latency per route over a recent
 * window, summed over every gateway.
 */
@RestController
class StatsController {

	private static final Duration MIN_WINDOW = Duration.ofSeconds(1);

	private final RouteStatsReports reports;

	private final StatsProperties properties;

	private final Clock clock = Clock.systemUTC();

	StatsController(RouteStatsReports reports, StatsProperties properties) {
		this.reports = reports;
		this.properties = properties;
	}

	@GetMapping("/api/v1/stats/routes")
	TrafficOverview routes(@RequestParam(defaultValue = "5m") String window) {
		Duration length = window(window);
		Instant to = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant from = to.minus(length);
		Map<String, List<RouteStats>> byRoute = new LinkedHashMap<>();
		for (RouteStats stats : this.reports.mergedByRoute(from, to)) {
			byRoute.computeIfAbsent(stats.route(), (route) -> new ArrayList<>()).add(stats);
		}
		List<RouteTraffic> routes = byRoute.entrySet()
			.stream()
			.map((entry) -> RouteTraffic.of(entry.getKey(), entry.getValue(), length))
			.toList();
		return new TrafficOverview(length, from, to, routes);
	}

	private Duration window(String text) {
		Duration window;
		try {
			window = DurationJson.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidStatsWindow("must be a duration such as 30s, 5m or 1h");
		}
		if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(this.properties.retention()) > 0) {
			throw new InvalidStatsWindow("must be between " + DurationJson.format(MIN_WINDOW) + " and "
					+ DurationJson.format(this.properties.retention()) + ", how long stats are kept");
		}
		return window;
	}

}
