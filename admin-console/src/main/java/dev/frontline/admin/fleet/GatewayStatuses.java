package dev.frontline.admin.fleet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The last heartbeat of every gateway that ever reported.
 */
@Repository
class GatewayStatuses {

	private static final String UPDATE = "UPDATE gateway_status SET started_at = :startedAt, last_seen = :lastSeen,"
			+ " applied_version = :appliedVersion, applied_hash = :appliedHash, last_error = :error,"
			+ " control_plane_connected = :connected WHERE id = :id";

	private static final String INSERT = "INSERT INTO gateway_status (id, started_at, last_seen, applied_version,"
			+ " applied_hash, last_error, control_plane_connected)"
			+ " VALUES (:id, :startedAt, :lastSeen, :appliedVersion, :appliedHash, :error, :connected)";

	private final JdbcClient jdbc;

	GatewayStatuses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a gateway's latest status, replacing the previous one.
	 */
	void save(GatewayStatus status) {
		// Update first, then insert: portable across H2 and PostgreSQL, and a lost race
		// between two first heartbeats of one gateway ends in an update.
		if (bind(UPDATE, status).update() > 0) {
			return;
		}
		try {
			bind(INSERT, status).update();
		}
		catch (DuplicateKeyException ex) {
			bind(UPDATE, status).update();
		}
	}

	/**
	 * Every gateway, by id.
	 */
	List<GatewayStatus> findAll() {
		return this.jdbc.sql("SELECT * FROM gateway_status ORDER BY id").query(this::map).list();
	}

	private JdbcClient.StatementSpec bind(String sql, GatewayStatus status) {
		return this.jdbc.sql(sql)
			.param("id", status.id())
			.param("startedAt", timestamp(status.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("lastSeen", timestamp(status.lastSeen()), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("appliedVersion", status.appliedVersion())
			.param("appliedHash", status.appliedHash(), Types.VARCHAR)
			.param("error", status.error(), Types.VARCHAR)
			.param("connected", status.controlPlaneConnected());
	}

	private GatewayStatus map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime startedAt = rs.getObject("started_at", OffsetDateTime.class);
		return new GatewayStatus(rs.getString("id"), (startedAt != null) ? startedAt.toInstant() : null,
				rs.getObject("last_seen", OffsetDateTime.class).toInstant(), rs.getLong("applied_version"),
				rs.getString("applied_hash"), rs.getString("last_error"), rs.getBoolean("control_plane_connected"));
	}

	private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

}
