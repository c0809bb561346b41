package dev.frontline.admin.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.frontline.admin.audit.AuditLog;
import dev.frontline.admin.security.Author;
import dev.frontline.admin.snapshot.SnapshotPublisher;
import dev.frontline.contract.ApiKey;
import dev.frontline.contract.ConfigSnapshot;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every API key ever issued. Issuing and revoking store the change and publish a snapshot
 * with the active keys in one transaction, under the publishing lock, so the store, the
 * audit log and the published config never disagree.
 */
@Component
class ApiKeys {

	private static final String COLUMNS = "id, client, scopes, hash, created_at, created_by, revoked_at, revoked_by";

	private final JdbcClient jdbc;

	private final SnapshotPublisher publisher;

	private final AuditLog audit;

	private final Clock clock = Clock.systemUTC();

	ApiKeys(JdbcClient jdbc, SnapshotPublisher publisher, AuditLog audit) {
		this.jdbc = jdbc;
		this.publisher = publisher;
		this.audit = audit;
	}

	/**
	 * Every key, revoked ones included, oldest first.
	 */
	List<StoredApiKey> findAll() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at, id").query(this::map).list();
	}

	/**
	 * Issues a key for a client and publishes a snapshot that holds it.
	 * @return the key, to be shown once, and the published snapshot
	 */
	Issuance issue(String client, List<String> scopes, Author author) {
		ApiKey.Issued issued = ApiKey.issue(client, scopes.stream().distinct().toList(),
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		ApiKey entry = issued.entry();
		// A clash of two random 48-bit ids fails the insert, and the publish with it.
		ConfigSnapshot published = this.publisher
			.publishApiKeys(author.name(), "issue API key " + entry.id() + " for " + client, (current) -> {
				insert(entry, author);
				this.audit.record(author.name(), "api-key.create", "api-key/" + entry.id(), "client " + client
						+ ", scopes " + entry.scopes() + ", published as version " + (current.version() + 1));
				return active();
			})
			.orElseThrow(() -> new IllegalStateException("Issuing an API key published nothing"));
		return new Issuance(issued, published);
	}

	/**
	 * Revokes a key and publishes a snapshot without it. Revoking a revoked key changes
	 * nothing.
	 * @return the published snapshot, or empty if the key was revoked already
	 * @throws ApiKeyNotFound if no key has the id
	 */
	Optional<ConfigSnapshot> revoke(String id, Author author) {
		return this.publisher.publishApiKeys(author.name(), "revoke API key " + id, (current) -> {
			StoredApiKey stored = find(id).orElseThrow(() -> new ApiKeyNotFound(id));
			if (stored.revoked()) {
				return null;
			}
			this.jdbc.sql("UPDATE api_key SET revoked_at = :revokedAt, revoked_by = :revokedBy WHERE id = :id")
				.param("revokedAt", timestamp(this.clock.instant().truncatedTo(ChronoUnit.MILLIS)))
				.param("revokedBy", author.name())
				.param("id", id)
				.update();
			this.audit.record(author.name(), "api-key.revoke", "api-key/" + id,
					"client " + stored.entry().client() + ", published as version " + (current.version() + 1));
			return active();
		});
	}

	private Optional<StoredApiKey> find(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	private List<ApiKey> active() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE revoked_at IS NULL ORDER BY created_at, id")
			.query(this::map)
			.list()
			.stream()
			.map(StoredApiKey::entry)
			.toList();
	}

	private void insert(ApiKey entry, Author author) {
		this.jdbc
			.sql("INSERT INTO api_key (id, client, scopes, hash, created_at, created_by)"
					+ " VALUES (:id, :client, :scopes, :hash, :createdAt, :createdBy)")
			.param("id", entry.id())
			.param("client", entry.client())
			.param("scopes", String.join(" ", entry.scopes()))
			.param("hash", entry.hash())
			.param("createdAt", timestamp(entry.createdAt()))
			.param("createdBy", author.name())
			.update();
	}

	private StoredApiKey map(ResultSet rs, int row) throws SQLException {
		String scopes = rs.getString("scopes");
		ApiKey entry = new ApiKey(rs.getString("id"), rs.getString("client"),
				scopes.isEmpty() ? List.of() : Arrays.asList(scopes.split(" ")), rs.getString("hash"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
		OffsetDateTime revokedAt = rs.getObject("revoked_at", OffsetDateTime.class);
		return new StoredApiKey(entry, rs.getString("created_by"), (revokedAt != null) ? revokedAt.toInstant() : null,
				rs.getString("revoked_by"));
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * A newly issued key and the snapshot that published it.
	 *
	 * @param issued the key itself and its stored entry
	 * @param snapshot the published snapshot
	 */
	record Issuance(ApiKey.Issued issued, ConfigSnapshot snapshot) {

	}

}
