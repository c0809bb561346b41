package dev.frontline.admin.release;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.frontline.contract.CanaryTarget.StickyKey;
import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.Target;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every release ever started. Changes run inside the publishing transaction, after the
 * config head lock, and lock the release's row too; so a release changes one decision at
 * a time, whichever console instance makes it.
 */
@Repository
public class Releases {

	private static final String COLUMNS = "id, route_id, state, mode, canary_target, stable_target, sticky,"
			+ " overrides, variant_header, steps, interval_ms, max_error_rate, max_p99_ms, max_error_rate_delta,"
			+ " max_p99_ratio, min_requests_per_step, failure_threshold, step_index, weight, failure_streak,"
			+ " created_at, created_by, updated_at, step_started_at, window_started_at, next_evaluation_at,"
			+ " finished_at";

	private static final String ACTIVE = "state IN ('running', 'paused')";

	private final JdbcClient jdbc;

	Releases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The id of the running or paused release of a route, if it has one. Read it while
	 * publishing is locked to be sure it stays so until the lock is released.
	 */
	public Optional<Long> activeOn(String routeId) {
		return this.jdbc.sql("SELECT id FROM canary_release WHERE route_id = :routeId AND " + ACTIVE)
			.param("routeId", routeId)
			.query(Long.class)
			.optional();
	}

	/**
	 * Stores a new release.
	 * @return its id
	 */
	long insert(Release release) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO canary_release (" + COLUMNS.substring("id, ".length()) + ") VALUES (:routeId,"
					+ " :state, :mode, :canaryTarget, :stableTarget, :sticky, :overrides, :variantHeader, :steps,"
					+ " :intervalMs, :maxErrorRate, :maxP99Ms, :maxErrorRateDelta, :maxP99Ratio, :minRequestsPerStep,"
					+ " :failureThreshold, :stepIndex, :weight, :failureStreak, :createdAt, :createdBy, :updatedAt,"
					+ " :stepStartedAt, :windowStartedAt, :nextEvaluationAt, :finishedAt)")
			.params(params(release))
			.update(keys, "id");
		Number id = keys.getKey();
		if (id == null) {
			throw new IllegalStateException("The store returned no id for a new release");
		}
		return id.longValue();
	}

	/**
	 * Stores the progress of a release: its state, step, weight and times.
	 */
	void update(Release release) {
		this.jdbc
			.sql("UPDATE canary_release SET state = :state, step_index = :stepIndex, weight = :weight,"
					+ " failure_streak = :failureStreak, updated_at = :updatedAt, step_started_at = :stepStartedAt,"
					+ " window_started_at = :windowStartedAt, next_evaluation_at = :nextEvaluationAt,"
					+ " finished_at = :finishedAt WHERE id = :id")
			.params(params(release))
			.param("id", release.id())
			.update();
	}

	Optional<Release> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM canary_release WHERE id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/**
	 * Reads a release and locks its row until the current transaction ends.
	 */
	Optional<Release> lock(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM canary_release WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/**
	 * The latest releases, newest first, of one route and in one state if given.
	 */
	List<Release> list(@Nullable String routeId, @Nullable ReleaseState state, int limit) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		if (routeId != null) {
			conditions.add("route_id = :routeId");
			params.put("routeId", routeId);
		}
		if (state != null) {
			conditions.add("state = :state");
			params.put("state", state.label());
		}
		params.put("limit", limit);
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM canary_release" + where
					+ " ORDER BY id DESC FETCH FIRST :limit ROWS ONLY")
			.params(params)
			.query(this::map)
			.list();
	}

	/**
	 * The ids of every running or paused release.
	 */
	List<Long> active() {
		return this.jdbc.sql("SELECT id FROM canary_release WHERE " + ACTIVE + " ORDER BY id").query(Long.class).list();
	}

	/**
	 * The ids of the running automatic releases whose evaluation is due, most overdue
	 * first.
	 */
	List<Long> due(Instant now) {
		return this.jdbc
			.sql("SELECT id FROM canary_release WHERE state = 'running' AND mode = 'auto'"
					+ " AND next_evaluation_at <= :now ORDER BY next_evaluation_at, id")
			.param("now", timestamp(now))
			.query(Long.class)
			.list();
	}

	/**
	 * The state and weight of the latest release of each route that had one.
	 */
	List<Latest> latestOfEachRoute() {
		return this.jdbc
			.sql("SELECT route_id, state, weight FROM canary_release r"
					+ " WHERE id = (SELECT MAX(id) FROM canary_release l WHERE l.route_id = r.route_id)")
			.query((rs, row) -> new Latest(rs.getString("route_id"), state(rs.getString("state")), rs.getInt("weight")))
			.list();
	}

	private static Map<String, Object> params(Release release) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("routeId", release.routeId());
		params.put("state", release.state().label());
		params.put("mode", release.mode().label());
		params.put("canaryTarget", ConfigJson.mapper().writeValueAsString(release.canary()));
		params.put("stableTarget", ConfigJson.mapper().writeValueAsString(release.stable()));
		params.put("sticky", release.sticky().name());
		params.put("overrides", release.overrides());
		params.put("variantHeader", release.variantHeader());
		params.put("steps", release.steps().stream().map(String::valueOf).collect(Collectors.joining(",")));
		params.put("intervalMs", release.interval().toMillis());
		params.put("maxErrorRate", release.analysis().maxErrorRate());
		params.put("maxP99Ms", release.analysis().maxP99Ms());
		params.put("maxErrorRateDelta", release.analysis().maxErrorRateDelta());
		params.put("maxP99Ratio", release.analysis().maxP99Ratio());
		params.put("minRequestsPerStep", release.analysis().minRequestsPerStep());
		params.put("failureThreshold", release.analysis().failureThreshold());
		params.put("stepIndex", release.stepIndex());
		params.put("weight", release.weight());
		params.put("failureStreak", release.failureStreak());
		params.put("createdAt", timestamp(release.createdAt()));
		params.put("createdBy", release.createdBy());
		params.put("updatedAt", timestamp(release.updatedAt()));
		params.put("stepStartedAt", timestamp(release.stepStartedAt()));
		params.put("windowStartedAt", timestamp(release.windowStartedAt()));
		return nullable(nullable(params, "nextEvaluationAt", release.nextEvaluationAt()), "finishedAt",
				release.finishedAt());
	}

	private static Map<String, Object> nullable(Map<String, Object> params, String name, @Nullable Instant instant) {
		// A typed null: PostgreSQL cannot infer the type of an untyped one.
		params.put(name,
				(instant != null) ? timestamp(instant) : new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, null));
		return params;
	}

	private Release map(ResultSet rs, int row) throws SQLException {
		Analysis analysis = new Analysis(rs.getDouble("max_error_rate"), rs.getDouble("max_p99_ms"),
				rs.getDouble("max_error_rate_delta"), rs.getDouble("max_p99_ratio"),
				rs.getLong("min_requests_per_step"), rs.getInt("failure_threshold"));
		List<Integer> steps = Arrays.stream(rs.getString("steps").split(",")).map(Integer::valueOf).toList();
		return new Release(rs.getLong("id"), rs.getString("route_id"), state(rs.getString("state")),
				ReleaseMode.valueOf(rs.getString("mode").toUpperCase(Locale.ROOT)),
				target(rs.getString("canary_target")), target(rs.getString("stable_target")),
				StickyKey.valueOf(rs.getString("sticky")), rs.getBoolean("overrides"), rs.getBoolean("variant_header"),
				steps, Duration.ofMillis(rs.getLong("interval_ms")), analysis, rs.getInt("step_index"),
				rs.getInt("weight"), rs.getInt("failure_streak"), instant(rs, "created_at"), rs.getString("created_by"),
				instant(rs, "updated_at"), instant(rs, "step_started_at"), instant(rs, "window_started_at"),
				nullableInstant(rs, "next_evaluation_at"), nullableInstant(rs, "finished_at"));
	}

	private static ReleaseState state(String label) {
		return ReleaseState.of(label).orElseThrow(() -> new IllegalStateException("Unknown release state " + label));
	}

	private static Target target(String json) {
		return ConfigJson.mapper().readValue(json, Target.class);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * Where the latest release of a route stands.
	 *
	 * @param routeId the route
	 * @param state the release's state
	 * @param weight the canary's weight it set
	 */
	record Latest(String routeId, ReleaseState state, int weight) {

	}

}
