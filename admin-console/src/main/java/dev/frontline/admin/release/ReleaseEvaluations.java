package dev.frontline.admin.release;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import dev.frontline.admin.release.Evaluation.Action;
import dev.frontline.admin.release.Evaluation.Check;
import dev.frontline.admin.release.Evaluation.Figures;
import dev.frontline.admin.release.Evaluation.Verdict;
import dev.frontline.contract.ConfigJson;
import tools.jackson.core.type.TypeReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every evaluation of every release, kept with its figures, thresholds and checks.
 */
@Repository
class ReleaseEvaluations {

	private final JdbcClient jdbc;

	ReleaseEvaluations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores an evaluation.
	 * @return the evaluation with its id
	 */
	Evaluation add(Evaluation evaluation) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO release_evaluation (release_id, evaluated_at, step_index, weight, window_start,"
					+ " window_end, verdict, action, failure_streak, canary_requests, canary_errors, canary_p99_ms,"
					+ " stable_requests, stable_errors, stable_p99_ms, thresholds, checks, notes) VALUES (:releaseId,"
					+ " :at, :stepIndex, :weight, :windowStart, :windowEnd, :verdict, :action, :failureStreak,"
					+ " :canaryRequests, :canaryErrors, :canaryP99, :stableRequests, :stableErrors, :stableP99,"
					+ " :thresholds, :checks, :notes)")
			.param("releaseId", evaluation.releaseId())
			.param("at", timestamp(evaluation.at()))
			.param("stepIndex", evaluation.stepIndex())
			.param("weight", evaluation.weight())
			.param("windowStart", timestamp(evaluation.windowStart()))
			.param("windowEnd", timestamp(evaluation.windowEnd()))
			.param("verdict", evaluation.verdict().label())
			.param("action", evaluation.action().label())
			.param("failureStreak", evaluation.failureStreak())
			.param("canaryRequests", evaluation.canary().requests())
			.param("canaryErrors", evaluation.canary().errors())
			.param("canaryP99", evaluation.canary().p99Ms())
			.param("stableRequests", evaluation.stable().requests())
			.param("stableErrors", evaluation.stable().errors())
			.param("stableP99", evaluation.stable().p99Ms())
			.param("thresholds", ConfigJson.mapper().writeValueAsString(evaluation.thresholds()))
			.param("checks", ConfigJson.mapper().writeValueAsString(evaluation.checks()))
			.param("notes", ConfigJson.mapper().writeValueAsString(evaluation.notes()))
			.update(keys, "id");
		Number id = keys.getKey();
		if (id == null) {
			throw new IllegalStateException("The store returned no id for a new evaluation");
		}
		return new Evaluation(id.longValue(), evaluation.releaseId(), evaluation.at(), evaluation.stepIndex(),
				evaluation.weight(), evaluation.windowStart(), evaluation.windowEnd(), evaluation.verdict(),
				evaluation.action(), evaluation.failureStreak(), evaluation.canary(), evaluation.stable(),
				evaluation.thresholds(), evaluation.checks(), evaluation.notes());
	}

	/**
	 * The latest evaluations of a release, newest first.
	 */
	List<Evaluation> latest(long releaseId, int limit) {
		return this.jdbc
			.sql("SELECT * FROM release_evaluation WHERE release_id = :releaseId ORDER BY id DESC"
					+ " FETCH FIRST :limit ROWS ONLY")
			.param("releaseId", releaseId)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	private Evaluation map(ResultSet rs, int row) throws SQLException {
		return new Evaluation(rs.getLong("id"), rs.getLong("release_id"), instant(rs, "evaluated_at"),
				rs.getInt("step_index"), rs.getInt("weight"), instant(rs, "window_start"), instant(rs, "window_end"),
				Verdict.valueOf(rs.getString("verdict").toUpperCase(Locale.ROOT)),
				Action.valueOf(rs.getString("action").toUpperCase(Locale.ROOT)), rs.getInt("failure_streak"),
				figures(rs.getLong("canary_requests"), rs.getLong("canary_errors"), rs.getDouble("canary_p99_ms")),
				figures(rs.getLong("stable_requests"), rs.getLong("stable_errors"), rs.getDouble("stable_p99_ms")),
				ConfigJson.mapper().readValue(rs.getString("thresholds"), Analysis.class),
				ConfigJson.mapper().readValue(rs.getString("checks"), new TypeReference<List<Check>>() {
				}), ConfigJson.mapper().readValue(rs.getString("notes"), new TypeReference<List<String>>() {
				}));
	}

	private static Figures figures(long requests, long errors, double p99Ms) {
		return new Figures(requests, errors, (requests == 0) ? 0 : (double) errors / requests, p99Ms);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
