package dev.frontline.admin.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.frontline.contract.DurationJson;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Request and error rates per route over a recent window, from the reports of every
 * gateway.
 *
 * @param window the window's length
 * @param from the window's start, inclusive
 * @param to the window's end, exclusive
 * @param routes every route that served requests in the window, by id
 */
record TrafficOverview(@JsonSerialize(using = DurationJson.Serializer.class) Duration window, Instant from, Instant to,
		List<RouteTraffic> routes) {

}
