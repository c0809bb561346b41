package dev.frontline.admin.fleet;

import java.time.Duration;

import dev.frontline.contract.RouteStats;

/**
 * What one route, or one side of its split, served over the overview's window.
 *
 * @param requests requests served
 * @param requestRate requests per second over the window
 * @param status2xx responses with 1xx, 2xx or 3xx status
 * @param status4xx responses with 4xx status
 * @param status5xx responses with 5xx status
 * @param errorRate share of requests answered with 5xx, 0 without requests
 * @param p99Ms estimated 99th percentile of the latency in milliseconds, 0 without
 * requests
 */
record Traffic(long requests, double requestRate, long status2xx, long status4xx, long status5xx, double errorRate,
		double p99Ms) {

	static Traffic of(RouteStats stats, Duration window) {
		return new Traffic(stats.requests(), stats.requests() * 1000.0 / window.toMillis(), stats.status2xx(),
				stats.status4xx(), stats.status5xx(), stats.errorRate(), stats.latency().percentileMillis(0.99));
	}

}
