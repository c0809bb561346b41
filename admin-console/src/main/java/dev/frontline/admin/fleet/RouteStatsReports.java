package dev.frontline.admin.fleet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.frontline.contract.LatencyHistogram;
import dev.frontline.contract.RouteStats;
import dev.frontline.contract.Variant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-route, per-variant stats gateways report with their heartbeats: deltas since
 * each gateway's previous report, kept with the time they were received, and summed
 * across gateways over a window on demand.
 */
@Repository
public class RouteStatsReports {

	/** The latency columns of the table, one per histogram bucket. */
	static final int LATENCY_COLUMNS = 25;

	private static final List<String> LATENCY = IntStream.range(0, LATENCY_COLUMNS)
		.mapToObj((bucket) -> String.format(Locale.ROOT, "latency_%02d", bucket))
		.toList();

	private static final String INSERT = "INSERT INTO route_stats (gateway_id, route_id, variant, received_at,"
			+ " status_2xx, status_4xx, status_5xx, " + String.join(", ", LATENCY) + ") VALUES (:gatewayId, :route,"
			+ " :variant, :receivedAt, :status2xx, :status4xx, :status5xx, "
			+ LATENCY.stream().map((column) -> ":" + column).collect(Collectors.joining(", ")) + ")";

	private static final String SUMS = "SUM(status_2xx) AS status_2xx, SUM(status_4xx) AS status_4xx,"
			+ " SUM(status_5xx) AS status_5xx, "
			+ LATENCY.stream().map((column) -> "SUM(" + column + ") AS " + column).collect(Collectors.joining(", "));

	private final JdbcClient jdbc;

	RouteStatsReports(JdbcClient jdbc) {
		if (LatencyHistogram.bucketCount() != LATENCY_COLUMNS) {
			throw new IllegalStateException("The contract's latency histogram has " + LatencyHistogram.bucketCount()
					+ " buckets, but table route_stats has " + LATENCY_COLUMNS + " latency columns; add a migration");
		}
		this.jdbc = jdbc;
	}

	/**
	 * Keeps the deltas one gateway reported.
	 * @param gatewayId the gateway that reported them
	 * @param receivedAt when the console received them
	 * @param deltas what the gateway served since its previous report
	 */
	public void add(String gatewayId, Instant receivedAt, List<RouteStats> deltas) {
		OffsetDateTime received = timestamp(receivedAt);
		for (RouteStats delta : deltas) {
			JdbcClient.StatementSpec insert = this.jdbc.sql(INSERT)
				.param("gatewayId", gatewayId)
				.param("route", delta.route())
				.param("variant", delta.variant().label())
				.param("receivedAt", received)
				.param("status2xx", delta.status2xx())
				.param("status4xx", delta.status4xx())
				.param("status5xx", delta.status5xx());
			List<Long> counts = delta.latency().counts();
			for (int bucket = 0; bucket < LATENCY_COLUMNS; bucket++) {
				insert = insert.param(LATENCY.get(bucket), counts.get(bucket));
			}
			insert.update();
		}
	}

	/**
	 * What all gateways together reported for one route and variant, received in
	 * {@code [from, to)}.
	 */
	public RouteStats merged(String route, Variant variant, Instant from, Instant to) {
		return this.jdbc
			.sql("SELECT " + SUMS + " FROM route_stats WHERE route_id = :route AND variant = :variant"
					+ " AND received_at >= :from AND received_at < :to")
			.param("route", route)
			.param("variant", variant.label())
			.param("from", timestamp(from))
			.param("to", timestamp(to))
			.query((rs, row) -> stats(rs, route, variant))
			.single();
	}

	/**
	 * What all gateways together reported for every route and variant, received in
	 * {@code [from, to)}; by route, then variant.
	 */
	List<RouteStats> mergedByRoute(Instant from, Instant to) {
		return this.jdbc
			.sql("SELECT route_id, variant, " + SUMS + " FROM route_stats"
					+ " WHERE received_at >= :from AND received_at < :to"
					+ " GROUP BY route_id, variant ORDER BY route_id, variant DESC")
			.param("from", timestamp(from))
			.param("to", timestamp(to))
			.query((rs, row) -> stats(rs, rs.getString("route_id"), variant(rs.getString("variant"))))
			.list();
	}

	/**
	 * Drops what was received before the given instant.
	 * @return how many reports were dropped
	 */
	int pruneBefore(Instant before) {
		return this.jdbc.sql("DELETE FROM route_stats WHERE received_at < :before")
			.param("before", timestamp(before))
			.update();
	}

	private static RouteStats stats(ResultSet rs, String route, Variant variant) throws SQLException {
		List<Long> counts = new ArrayList<>(LATENCY_COLUMNS);
		for (String column : LATENCY) {
			counts.add(rs.getLong(column));
		}
		return new RouteStats(route, variant, rs.getLong("status_2xx"), rs.getLong("status_4xx"),
				rs.getLong("status_5xx"), LatencyHistogram.of(counts));
	}

	private static Variant variant(String label) {
		return Variant.CANARY.label().equals(label) ? Variant.CANARY : Variant.STABLE;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
