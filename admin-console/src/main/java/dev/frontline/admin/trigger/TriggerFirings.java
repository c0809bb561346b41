package dev.frontline.admin.trigger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The firings of timer triggers, one row per trigger and scheduled time. Inserting the
 * row is the claim: the primary key lets one console instance have it, however many find
 * the time due. Each statement stands alone, so that a claim another instance won costs
 * nothing more than its failed insert.
 * <p>
 * Outcomes are recorded only on a pending firing, so that an attempt that ends late never
 * overwrites the outcome of one that ended first.
 */
@Repository
class TriggerFirings {

	private static final String COLUMNS = "trigger_id, scheduled_at, catch_up, function_definition, runtime, payload,"
			+ " status, attempts, claimed_at, claimed_by, next_attempt_at, finished_at, invocation_id,"
			+ " invocation_status, error";

	private static final String PENDING = "'pending'";

	private static final String THIS_FIRING = " WHERE trigger_id = :triggerId AND scheduled_at = :scheduledAt";

	/** The longest error a firing keeps. */
	private static final int MAX_ERROR = 2000;

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	TriggerFirings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims a scheduled time of a trigger for this instance, as the trigger stands in
	 * the given revision.
	 * @param holdUntil until when this instance holds it for its first attempt
	 * @return the claimed firing; empty if another instance claimed it first
	 * @throws TriggerChanged if the trigger was changed, disabled or deleted since that
	 * revision
	 */
	Optional<Firing> claim(Trigger trigger, Instant scheduledAt, boolean catchUp, Instant now, String instance,
			Instant holdUntil) {
		int inserted;
		try {
			inserted = this.jdbc
				.sql("INSERT INTO trigger_firings (trigger_id, scheduled_at, catch_up, function_definition, runtime,"
						+ " payload, status, attempts, claimed_at, claimed_by, next_attempt_at) SELECT id,"
						+ " :scheduledAt, :catchUp, function_definition, runtime, payload, " + PENDING + ", 0, :now,"
						+ " :instance, :holdUntil FROM timer_trigger WHERE id = :triggerId AND revision = :revision"
						+ " AND enabled = TRUE")
				.param("triggerId", trigger.id())
				.param("scheduledAt", Triggers.timestamp(scheduledAt))
				.param("catchUp", catchUp)
				.param("now", Triggers.timestamp(now))
				.param("instance", instance)
				.param("holdUntil", Triggers.timestamp(holdUntil))
				.param("revision", trigger.revision())
				.update();
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
		if (inserted == 0) {
			throw new TriggerChanged(trigger.id());
		}
		TriggerDefinition definition = trigger.definition();
		return Optional.of(new Firing(trigger.id(), scheduledAt, catchUp, definition.function(), definition.runtime(),
				this.json.writeValueAsString(definition.payload()), Firing.Status.PENDING, 0, now, instance, holdUntil,
				null, null, null, null));
	}

	/**
	 * The pending firings that nobody holds any more, oldest first: their holder failed
	 * and waits for the next attempt, or stopped.
	 */
	List<Firing> unheld(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM trigger_firings WHERE status = " + PENDING
					+ " AND next_attempt_at <= :now ORDER BY next_attempt_at FETCH FIRST :limit ROWS ONLY")
			.param("now", Triggers.timestamp(now))
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	/**
	 * Takes an unheld pending firing for this instance until the given time.
	 * @return whether this instance got it; another may have been quicker
	 */
	boolean hold(Firing firing, Instant now, String instance, Instant until) {
		return this.jdbc
			.sql("UPDATE trigger_firings SET next_attempt_at = :until, claimed_by = :instance" + THIS_FIRING
					+ " AND status = " + PENDING + " AND next_attempt_at <= :now")
			.param("until", Triggers.timestamp(until))
			.param("instance", instance)
			.param("now", Triggers.timestamp(now))
			.param("triggerId", firing.triggerId())
			.param("scheduledAt", Triggers.timestamp(firing.scheduledAt()))
			.update() == 1;
	}

	/**
	 * Records that the runtime accepted a firing.
	 */
	void fired(Firing firing, Instant now, String invocationId, @Nullable String invocationStatus) {
		this.jdbc
			.sql("UPDATE trigger_firings SET status = 'fired', attempts = attempts + 1, finished_at = :now,"
					+ " next_attempt_at = NULL, invocation_id = :invocationId, invocation_status = :invocationStatus,"
					+ " error = NULL" + THIS_FIRING + " AND status = " + PENDING)
			.param("now", Triggers.timestamp(now))
			.param("invocationId", clip(invocationId, 200))
			.param("invocationStatus", (invocationStatus != null) ? clip(invocationStatus, 50) : null, Types.VARCHAR)
			.param("triggerId", firing.triggerId())
			.param("scheduledAt", Triggers.timestamp(firing.scheduledAt()))
			.update();
	}

	/**
	 * Records a failed attempt to be tried again from the given time.
	 */
	void failedOnce(Firing firing, String error, Instant nextAttemptAt) {
		this.jdbc
			.sql("UPDATE trigger_firings SET attempts = attempts + 1, error = :error, next_attempt_at = :next"
					+ THIS_FIRING + " AND status = " + PENDING)
			.param("error", clip(error, MAX_ERROR))
			.param("next", Triggers.timestamp(nextAttemptAt))
			.param("triggerId", firing.triggerId())
			.param("scheduledAt", Triggers.timestamp(firing.scheduledAt()))
			.update();
	}

	/**
	 * Records a firing as failed for good.
	 */
	void failed(Firing firing, Instant now, String error) {
		this.jdbc
			.sql("UPDATE trigger_firings SET status = 'failed', attempts = attempts + 1, error = :error,"
					+ " finished_at = :now, next_attempt_at = NULL" + THIS_FIRING + " AND status = " + PENDING)
			.param("error", clip(error, MAX_ERROR))
			.param("now", Triggers.timestamp(now))
			.param("triggerId", firing.triggerId())
			.param("scheduledAt", Triggers.timestamp(firing.scheduledAt()))
			.update();
	}

	/**
	 * The latest firings of a trigger, newest scheduled time first.
	 */
	List<Firing> latest(String triggerId, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM trigger_firings WHERE trigger_id = :triggerId"
					+ " ORDER BY scheduled_at DESC FETCH FIRST :limit ROWS ONLY")
			.param("triggerId", triggerId)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	/**
	 * Deletes the firings of a trigger but the given number of newest; pending ones stay.
	 * @return how many were deleted
	 */
	int prune(String triggerId, int keep) {
		return this.jdbc
			.sql("DELETE FROM trigger_firings WHERE trigger_id = :triggerId AND status <> " + PENDING
					+ " AND scheduled_at <= (SELECT scheduled_at FROM trigger_firings WHERE trigger_id = :triggerId"
					+ " ORDER BY scheduled_at DESC OFFSET :keep ROWS FETCH FIRST 1 ROW ONLY)")
			.param("triggerId", triggerId)
			.param("keep", keep)
			.update();
	}

	private Firing map(ResultSet rs, int row) throws SQLException {
		return new Firing(rs.getString("trigger_id"), Triggers.instant(rs, "scheduled_at"), rs.getBoolean("catch_up"),
				rs.getString("function_definition"), rs.getString("runtime"), rs.getString("payload"),
				Firing.Status.of(rs.getString("status")), rs.getInt("attempts"), Triggers.instant(rs, "claimed_at"),
				rs.getString("claimed_by"), nullableInstant(rs, "next_attempt_at"), nullableInstant(rs, "finished_at"),
				rs.getString("invocation_id"), rs.getString("invocation_status"), rs.getString("error"));
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static String clip(String value, int max) {
		return (value.length() > max) ? value.substring(0, max) : value;
	}

}
