package dev.frontline.functions.async;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.frontline.contract.AsyncPolicy;
import dev.frontline.contract.AsyncPolicy.Destination;
import dev.frontline.functions.identity.Caller;
import dev.frontline.functions.identity.Caller.AuthMethod;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The invocations in the store, table {@code invocations}. Every change of state is
 * conditional on the version it changes from, so that of two runtimes that try to move
 * the same invocation on, one does and the other learns that it lost.
 */
class Invocations {

	private static final String DEAD_LETTER_STATUSES = "('failed', 'dead_lettered')";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Invocations(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Invocation invocation) {
		InvocationState state = invocation.state();
		AsyncPolicy policy = invocation.policy();
		Caller caller = invocation.caller();
		StatementSpec insert = this.jdbc.sql("""
				INSERT INTO invocations (id, function_name, route_id, input, caller_subject, caller_scopes,
				  caller_client_id, caller_auth_method, caller_request_id, caller_gateway_id, idempotency_key,
				  input_sha256, max_retries, max_event_age_ms, result_ttl_ms, on_success_url, on_success_function,
				  on_failure_url, on_failure_function, created_at, status, attempts, version, result, last_error,
				  dead_letter_reason, updated_at, queued_at, next_attempt_at, finished_at, result_expires_at,
				  dead_lettered_at, redrives)
				VALUES (:id, :function, :route, :input, :subject, :scopes, :clientId, :authMethod, :requestId,
				  :gatewayId, :idempotencyKey, :inputHash, :maxRetries, :maxEventAge, :resultTtl, :onSuccessUrl,
				  :onSuccessFunction, :onFailureUrl, :onFailureFunction, :createdAt, :status, :attempts, :version,
				  :result, :lastError, :deadLetterReason, :updatedAt, :queuedAt, :nextAttemptAt, :finishedAt,
				  :resultExpiresAt, :deadLetteredAt, :redrives)""")
			.param("id", invocation.id())
			.param("function", invocation.function())
			.param("route", invocation.route(), Types.VARCHAR)
			.param("input", invocation.input())
			.param("subject", caller.subject())
			.param("scopes", String.join(" ", caller.scopes()))
			.param("clientId", caller.clientId(), Types.VARCHAR)
			.param("authMethod", caller.authMethod().claim())
			.param("requestId", caller.requestId())
			.param("gatewayId", caller.gatewayId())
			.param("idempotencyKey", invocation.idempotencyKey(), Types.VARCHAR)
			.param("inputHash", invocation.inputHash())
			.param("maxRetries", policy.retries())
			.param("maxEventAge", policy.maxEventAge().toMillis())
			.param("resultTtl", policy.resultTtl().toMillis())
			.param("onSuccessUrl", url(policy.onSuccess()), Types.VARCHAR)
			.param("onSuccessFunction", function(policy.onSuccess()), Types.VARCHAR)
			.param("onFailureUrl", url(policy.onFailure()), Types.VARCHAR)
			.param("onFailureFunction", function(policy.onFailure()), Types.VARCHAR)
			.param("createdAt", timestamp(invocation.createdAt()));
		bind(insert, state).update();
	}

	Optional<Invocation> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM invocations WHERE id = :id").param("id", id).query(this::map).optional();
	}

	/**
	 * Finds an invocation and locks it until the transaction ends, so that its state
	 * cannot change in between.
	 */
	Optional<Invocation> lock(UUID id) {
		return this.jdbc.sql("SELECT * FROM invocations WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	Optional<Invocation> findByIdempotencyKey(String subject, String function, String idempotencyKey) {
		return this.jdbc.sql("""
				SELECT * FROM invocations
				WHERE caller_subject = :subject AND function_name = :function AND idempotency_key = :key""")
			.param("subject", subject)
			.param("function", function)
			.param("key", idempotencyKey)
			.query(this::map)
			.optional();
	}

	/**
	 * Moves an invocation to a new state, if it is still in the state the change starts
	 * from.
	 * @return whether it moved
	 */
	boolean transition(UUID id, InvocationState from, InvocationState to) {
		StatementSpec update = this.jdbc.sql("""
				UPDATE invocations SET status = :status, attempts = :attempts, version = :version, result = :result,
				  last_error = :lastError, dead_letter_reason = :deadLetterReason, updated_at = :updatedAt,
				  queued_at = :queuedAt, next_attempt_at = :nextAttemptAt, finished_at = :finishedAt,
				  result_expires_at = :resultExpiresAt, dead_lettered_at = :deadLetteredAt, redrives = :redrives
				WHERE id = :id AND version = :expectedVersion""")
			.param("id", id)
			.param("expectedVersion", from.version());
		return bind(update, to).update() == 1;
	}

	/**
	 * The dead letters, most recent first.
	 */
	List<Invocation> deadLetters(int limit) {
		return this.jdbc
			.sql("SELECT * FROM invocations WHERE status IN " + DEAD_LETTER_STATUSES
					+ " ORDER BY dead_lettered_at DESC, id LIMIT :limit")
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	/**
	 * The ids of dead letters, oldest first.
	 */
	List<UUID> deadLetterIds(int limit) {
		return this.jdbc
			.sql("SELECT id FROM invocations WHERE status IN " + DEAD_LETTER_STATUSES
					+ " ORDER BY dead_lettered_at, id LIMIT :limit")
			.param("limit", limit)
			.query((rs, row) -> rs.getObject("id", UUID.class))
			.list();
	}

	QueueStatistics statistics() {
		return this.jdbc.sql("""
				SELECT
				  (SELECT COUNT(*) FROM invocations WHERE status IN ('queued', 'retrying')) AS depth,
				  (SELECT MIN(queued_at) FROM invocations WHERE status IN ('queued', 'retrying')) AS oldest,
				  (SELECT COUNT(*) FROM invocations WHERE status IN ('failed', 'dead_lettered')) AS dead_letters""")
			.query((rs, row) -> new QueueStatistics(rs.getLong("depth"), instant(rs, "oldest"),
					rs.getLong("dead_letters")))
			.single();
	}

	/**
	 * Deletes results past their time and invocations past retention.
	 * @return how many rows changed
	 */
	int clean(Instant now, Duration retention, Duration deadLetterRetention) {
		int results = this.jdbc
			.sql("UPDATE invocations SET result = NULL WHERE result IS NOT NULL AND result_expires_at <= :now")
			.param("now", timestamp(now))
			.update();
		int finished = this.jdbc
			.sql("DELETE FROM invocations WHERE status IN ('succeeded', 'cancelled') AND finished_at <= :before")
			.param("before", timestamp(now.minus(retention)))
			.update();
		int deadLetters = this.jdbc
			.sql("DELETE FROM invocations WHERE status IN " + DEAD_LETTER_STATUSES + " AND finished_at <= :before")
			.param("before", timestamp(now.minus(deadLetterRetention)))
			.update();
		return results + finished + deadLetters;
	}

	private StatementSpec bind(StatementSpec statement, InvocationState state) {
		return statement.param("status", state.status().label())
			.param("attempts", state.attempts())
			.param("version", state.version())
			.param("result", state.result(), Types.VARCHAR)
			.param("lastError", (state.lastError() != null) ? this.json.writeValueAsString(state.lastError()) : null,
					Types.VARCHAR)
			.param("deadLetterReason", (state.deadLetterReason() != null) ? state.deadLetterReason().label() : null,
					Types.VARCHAR)
			.param("updatedAt", timestamp(state.updatedAt()))
			.param("queuedAt", timestamp(state.queuedAt()))
			.param("nextAttemptAt", timestamp(state.nextAttemptAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("finishedAt", timestamp(state.finishedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("resultExpiresAt", timestamp(state.resultExpiresAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("deadLetteredAt", timestamp(state.deadLetteredAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("redrives", state.redrives());
	}

	private Invocation map(ResultSet rs, int row) throws SQLException {
		Set<String> scopes = Arrays.stream(rs.getString("caller_scopes").split(" "))
			.filter((scope) -> !scope.isEmpty())
			.collect(Collectors.toSet());
		AuthMethod authMethod = AuthMethod.ofClaim(rs.getString("caller_auth_method"));
		if (authMethod == null) {
			throw new IllegalStateException("Invocation " + rs.getString("id") + " names an unknown caller method");
		}
		Caller caller = new Caller(rs.getString("caller_subject"), scopes, rs.getString("caller_client_id"), authMethod,
				rs.getString("caller_request_id"), rs.getString("caller_gateway_id"));
		AsyncPolicy policy = new AsyncPolicy(false, rs.getInt("max_retries"),
				Duration.ofMillis(rs.getLong("max_event_age_ms")), Duration.ofMillis(rs.getLong("result_ttl_ms")),
				destination(rs.getString("on_success_url"), rs.getString("on_success_function")),
				destination(rs.getString("on_failure_url"), rs.getString("on_failure_function")));
		String lastError = rs.getString("last_error");
		String reason = rs.getString("dead_letter_reason");
		InvocationState state = new InvocationState(InvocationStatus.ofLabel(rs.getString("status")),
				rs.getInt("attempts"), rs.getLong("version"), rs.getString("result"),
				(lastError != null) ? this.json.readValue(lastError, AttemptError.class) : null,
				(reason != null) ? DeadLetterReason.ofLabel(reason) : null, required(rs, "updated_at"),
				required(rs, "queued_at"), instant(rs, "next_attempt_at"), instant(rs, "finished_at"),
				instant(rs, "result_expires_at"), instant(rs, "dead_lettered_at"), rs.getInt("redrives"));
		return new Invocation(rs.getObject("id", UUID.class), rs.getString("function_name"), rs.getString("route_id"),
				rs.getString("input"), caller, rs.getString("idempotency_key"), rs.getString("input_sha256"), policy,
				required(rs, "created_at"), state);
	}

	private static @Nullable Destination destination(@Nullable String url, @Nullable String function) {
		return (url != null || function != null) ? new Destination(url, function) : null;
	}

	private static @Nullable String url(@Nullable Destination destination) {
		return (destination != null) ? destination.callbackUrl() : null;
	}

	private static @Nullable String function(@Nullable Destination destination) {
		return (destination != null) ? destination.function() : null;
	}

	// JDBC drivers agree on OffsetDateTime for TIMESTAMP WITH TIME ZONE; not all take an
	// Instant.
	private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static Instant required(ResultSet rs, String column) throws SQLException {
		Instant value = instant(rs, column);
		if (value == null) {
			throw new IllegalStateException("Column " + column + " of an invocation is empty");
		}
		return value;
	}

}
