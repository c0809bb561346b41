package dev.frontline.admin.snapshot;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.ConfigSnapshot;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The published snapshots. Snapshots are immutable: new versions are only added, through
 * {@link SnapshotPublisher}.
 */
@Repository
public class ConfigVersions {

	/**
	 * What an empty store holds: version 0, without routes.
	 */
	public static final ConfigSnapshot NONE = ConfigSnapshot.of(0, Instant.EPOCH, "system", List.of());

	private final JdbcClient jdbc;

	ConfigVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The latest snapshot, or {@link #NONE} if none was published yet.
	 */
	public ConfigSnapshot current() {
		return this.jdbc.sql("SELECT content FROM config_version ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
			.query(String.class)
			.optional()
			.map(ConfigJson::readSnapshot)
			.orElse(NONE);
	}

	/**
	 * The version of the latest snapshot, 0 if none was published yet. Cheaper than
	 * {@link #current()}, for polling.
	 */
	public long headVersion() {
		return this.jdbc.sql("SELECT version FROM config_head WHERE id = 1").query(Long.class).single();
	}

	/**
	 * The snapshot of the given version, if it was published.
	 */
	public Optional<ConfigSnapshot> find(long version) {
		return this.jdbc.sql("SELECT content FROM config_version WHERE version = :version")
			.param("version", version)
			.query(String.class)
			.optional()
			.map(ConfigJson::readSnapshot);
	}

	/**
	 * The latest entries of the history, newest first.
	 */
	public List<ConfigVersion> history(int limit) {
		return this.jdbc
			.sql("SELECT version, created_at, created_by, hash, summary, route_count FROM config_version"
					+ " ORDER BY version DESC FETCH FIRST :limit ROWS ONLY")
			.param("limit", limit)
			.query((rs, row) -> new ConfigVersion(rs.getLong("version"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
					rs.getString("hash"), rs.getString("summary"), rs.getInt("route_count")))
			.list();
	}

	/**
	 * Locks the head row until the current transaction ends, and answers the head
	 * version. Every publisher takes this lock first, so publishes are serialized across
	 * threads and instances.
	 */
	long lockHead() {
		return this.jdbc.sql("SELECT version FROM config_head WHERE id = 1 FOR UPDATE").query(Long.class).single();
	}

	/**
	 * Adds a snapshot and makes it the head. Must run in the transaction that holds the
	 * head lock.
	 */
	void append(ConfigSnapshot snapshot, String summary) {
		this.jdbc
			.sql("INSERT INTO config_version (version, created_at, created_by, hash, summary, route_count, content)"
					+ " VALUES (:version, :createdAt, :createdBy, :hash, :summary, :routeCount, :content)")
			.param("version", snapshot.version())
			.param("createdAt", OffsetDateTime.ofInstant(snapshot.createdAt(), ZoneOffset.UTC))
			.param("createdBy", snapshot.createdBy())
			.param("hash", snapshot.hash())
			.param("summary", summary)
			.param("routeCount", snapshot.routes().size())
			.param("content", ConfigJson.write(snapshot))
			.update();
		this.jdbc.sql("UPDATE config_head SET version = :version WHERE id = 1")
			.param("version", snapshot.version())
			.update();
	}

}
