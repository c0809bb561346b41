package dev.frontline.admin.trigger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.frontline.admin.audit.AuditLog;
import dev.frontline.admin.security.Author;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The timer triggers. Each change is audited in its own transaction, and makes a new
 * revision, so that a console instance that read the trigger before claims nothing more
 * for it.
 * <p>
 * A trigger whose schedule changes, or that is enabled again, starts its schedule anew:
 * the times before the change are not caught up.
 */
@Repository
class Triggers {

	private static final String COLUMNS = "id, cron, zone, function_definition, runtime, payload, enabled, revision,"
			+ " fired_through, created_at, created_by, updated_at, updated_by";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock = Clock.systemUTC();

	Triggers(JdbcClient jdbc, AuditLog audit, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Every trigger, by id.
	 */
	List<Trigger> findAll() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM timer_trigger ORDER BY id").query(this::map).list();
	}

	/**
	 * The enabled triggers, which the scheduler fires.
	 */
	List<Trigger> enabled() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM timer_trigger WHERE enabled = TRUE ORDER BY id")
			.query(this::map)
			.list();
	}

	Optional<Trigger> find(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM timer_trigger WHERE id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/**
	 * Stores a new trigger, whose schedule starts now.
	 * @throws TriggerExists if one has its id
	 */
	Trigger create(TriggerDefinition definition, Author author) {
		Instant now = now();
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc
					.sql("INSERT INTO timer_trigger (" + COLUMNS + ") VALUES (:id, :cron, :zone, :function, :runtime,"
							+ " :payload, :enabled, 1, :firedThrough, :now, :author, :now, :author)")
					.params(params(definition))
					.param("firedThrough", timestamp(now))
					.param("now", timestamp(now))
					.param("author", author.name())
					.update();
				this.audit.record(author.name(), "trigger.create", target(definition.id()), definition.describe());
			});
		}
		catch (DuplicateKeyException ex) {
			throw new TriggerExists(definition.id());
		}
		return find(definition.id()).orElseThrow();
	}

	/**
	 * Replaces a trigger.
	 * @throws TriggerNotFound if there is none with the id
	 */
	Trigger replace(TriggerDefinition definition, Author author) {
		return change(definition.id(), author, (before) -> definition, "trigger.update");
	}

	/**
	 * Enables or disables a trigger; nothing changes if it is so already.
	 * @throws TriggerNotFound if there is none with the id
	 */
	Trigger enable(String id, boolean enabled, Author author) {
		return change(id, author, (before) -> {
			TriggerDefinition was = before.definition();
			return new TriggerDefinition(was.id(), was.cron(), was.zone(), was.function(), was.runtime(), was.payload(),
					enabled);
		}, "trigger.update");
	}

	/**
	 * Deletes a trigger and its firings.
	 * @throws TriggerNotFound if there is none with the id
	 */
	void delete(String id, Author author) {
		this.transactions.executeWithoutResult((status) -> {
			Trigger before = lock(id).orElseThrow(() -> new TriggerNotFound(id));
			this.jdbc.sql("DELETE FROM timer_trigger WHERE id = :id").param("id", id).update();
			this.audit.record(author.name(), "trigger.delete", target(id), "was " + before.definition().describe());
		});
	}

	/**
	 * Records that a trigger's scheduled times are claimed through the given one, unless
	 * the trigger changed since the given revision, or a later time was recorded already.
	 */
	void firedThrough(String id, long revision, Instant through) {
		this.jdbc
			.sql("UPDATE timer_trigger SET fired_through = :through WHERE id = :id AND revision = :revision"
					+ " AND fired_through < :through")
			.param("through", timestamp(through))
			.param("id", id)
			.param("revision", revision)
			.update();
	}

	private Trigger change(String id, Author author, Function<Trigger, TriggerDefinition> change, String action) {
		Instant now = now();
		return this.transactions.execute((status) -> {
			Trigger before = lock(id).orElseThrow(() -> new TriggerNotFound(id));
			TriggerDefinition was = before.definition();
			TriggerDefinition definition = change.apply(before);
			if (definition.equals(was)) {
				return before;
			}
			boolean restarts = !definition.cron().equals(was.cron()) || !definition.zone().equals(was.zone())
					|| (definition.enabled() && !was.enabled());
			// Never back: times after the one recorded may have been claimed already.
			Instant firedThrough = (restarts && now.isAfter(before.firedThrough())) ? now : before.firedThrough();
			this.jdbc
				.sql("UPDATE timer_trigger SET cron = :cron, zone = :zone, function_definition = :function,"
						+ " runtime = :runtime, payload = :payload, enabled = :enabled, revision = revision + 1,"
						+ " fired_through = :firedThrough, updated_at = :now, updated_by = :author WHERE id = :id")
				.params(params(definition))
				.param("firedThrough", timestamp(firedThrough))
				.param("now", timestamp(now))
				.param("author", author.name())
				.update();
			this.audit.record(author.name(), action, target(id), changes(was, definition));
			return find(id).orElseThrow();
		});
	}

	private Optional<Trigger> lock(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM timer_trigger WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	private static String changes(TriggerDefinition was, TriggerDefinition now) {
		if (was.enabled() != now.enabled() && was.equals(new TriggerDefinition(now.id(), now.cron(), now.zone(),
				now.function(), now.runtime(), now.payload(), was.enabled()))) {
			return now.enabled() ? "enabled" : "disabled";
		}
		return "now " + now.describe();
	}

	private Map<String, Object> params(TriggerDefinition definition) {
		return Map.of("id", definition.id(), "cron", definition.cron(), "zone", definition.zone(), "function",
				definition.function(), "runtime", definition.runtime(), "payload",
				this.json.writeValueAsString(definition.payload()), "enabled", definition.enabled());
	}

	private Trigger map(ResultSet rs, int row) throws SQLException {
		TriggerDefinition definition = new TriggerDefinition(rs.getString("id"), rs.getString("cron"),
				rs.getString("zone"), rs.getString("function_definition"), rs.getString("runtime"),
				this.json.readTree(rs.getString("payload")), rs.getBoolean("enabled"));
		return new Trigger(definition, rs.getLong("revision"), instant(rs, "fired_through"), instant(rs, "created_at"),
				rs.getString("created_by"), instant(rs, "updated_at"), rs.getString("updated_by"));
	}

	static String target(String id) {
		return "trigger/" + id;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
