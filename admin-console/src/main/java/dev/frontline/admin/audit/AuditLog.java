package dev.frontline.admin.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log. A change records its event inside its own transaction (for config
 * changes, the publishing transaction), so the log never names a change that did not
 * happen, nor misses one that did.
 * <p>
 * Actions recorded: {@code route.create}, {@code route.update}, {@code route.delete},
 * {@code config.rollback}, {@code api-key.create}, {@code api-key.revoke},
 * {@code default-rate-limit.set}, {@code default-rate-limit.clear}, and for releases
 * {@code release.start}, {@code release.pause}, {@code release.resume},
 * {@code release.weight}, {@code release.advance}, {@code release.promote},
 * {@code release.rollback} and {@code release.abort}; for timer triggers
 * {@code trigger.create}, {@code trigger.update} and {@code trigger.delete}; for dead
 * letters {@code dead-letter.redrive} and {@code dead-letter.redrive-all}.
 */
@Repository
public class AuditLog {

	/** Every action recorded, as listed above, for filters to offer. */
	static final List<String> ACTIONS = List.of("route.create", "route.update", "route.delete", "config.rollback",
			"api-key.create", "api-key.revoke", "default-rate-limit.set", "default-rate-limit.clear", "release.start",
			"release.pause", "release.resume", "release.weight", "release.advance", "release.promote",
			"release.rollback", "release.abort", "trigger.create", "trigger.update", "trigger.delete",
			"dead-letter.redrive", "dead-letter.redrive-all");

	/** The longest actor and target the table keeps. */
	private static final int MAX_NAME = 200;

	/** The longest action the table keeps. */
	private static final int MAX_ACTION = 100;

	private final JdbcClient jdbc;

	private final Clock clock = Clock.systemUTC();

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a change. Must be called in the transaction that makes the change.
	 * @param actor who made it
	 * @param action what was done, such as {@code route.update}
	 * @param target what it was done to, such as {@code route/home}
	 * @param detail what changed; {@code null} for nothing more than the action says
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, String action, String target, @Nullable String detail) {
		this.jdbc
			.sql("INSERT INTO audit_events (at, actor, action, target, detail)"
					+ " VALUES (:at, :actor, :action, :target, :detail)")
			.param("at", OffsetDateTime.ofInstant(this.clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC))
			.param("actor", clip(actor, MAX_NAME))
			.param("action", clip(action, MAX_ACTION))
			.param("target", clip(target, MAX_NAME))
			.param("detail", detail, Types.VARCHAR)
			.update();
	}

	/**
	 * The events that match a query, newest first.
	 */
	List<AuditEvent> find(AuditQuery query) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		condition(conditions, params, "actor = :actor", "actor", query.actor());
		condition(conditions, params, "action = :action", "action", query.action());
		condition(conditions, params, "target = :target", "target", query.target());
		condition(conditions, params, "at >= :from", "from",
				(query.from() != null) ? OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC) : null);
		condition(conditions, params, "at < :to", "to",
				(query.to() != null) ? OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC) : null);
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		params.put("limit", query.limit());
		return this.jdbc
			.sql("SELECT id, at, actor, action, target, detail FROM audit_events" + where
					+ " ORDER BY at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
			.params(params)
			.query(this::map)
			.list();
	}

	private static void condition(List<String> conditions, Map<String, Object> params, String condition, String name,
			@Nullable Object value) {
		if (value != null) {
			conditions.add(condition);
			params.put(name, value);
		}
	}

	private AuditEvent map(ResultSet rs, int row) throws SQLException {
		return new AuditEvent(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("detail"));
	}

	private static String clip(String value, int max) {
		return (value.length() > max) ? value.substring(0, max) : value;
	}

}
