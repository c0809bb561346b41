package dev.frontline.admin.fleet;

import java.time.Duration;

import dev.frontline.contract.DurationJson;

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

	private final TrafficOverviews overviews;

	private final StatsProperties properties;

	StatsController(TrafficOverviews overviews, StatsProperties properties) {
		this.overviews = overviews;
		this.properties = properties;
	}

	@GetMapping("/api/v1/stats/routes")
	TrafficOverview routes(@RequestParam(defaultValue = "5m") String window) {
		return this.overviews.over(window(window));
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
