package dev.frontline.admin.snapshot;

import java.util.List;

import dev.frontline.admin.audit.AuditLog;
import dev.frontline.admin.catalogue.CompositionChecks;
import dev.frontline.admin.catalogue.CompositionReport;
import dev.frontline.admin.security.Author;
import dev.frontline.contract.ConfigSnapshot;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Rolls the config back: publishes the routes of an old version as a new version. The API
 * keys and the default rate limit stay those of the current version: a rollback must not
 * bring back a key that was revoked since, nor drop one issued since, and the default
 * rate limit is managed on its own (set or remove it to change it). So the new version's
 * hash differs from the old one's when the keys or the default changed in between.
 * <p>
 * The old routes' function compositions are checked against today's catalogues first: a
 * function removed since would make a rolled-back route fail. Once the rollback is
 * committed, a {@link ConfigRolledBack} event lets active releases stop.
 */
@Component
class Rollbacks {

	private final ConfigVersions versions;

	private final SnapshotPublisher publisher;

	private final CompositionChecks compositions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	Rollbacks(ConfigVersions versions, SnapshotPublisher publisher, CompositionChecks compositions, AuditLog audit,
			ApplicationEventPublisher events) {
		this.versions = versions;
		this.publisher = publisher;
		this.compositions = compositions;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Publishes the routes of the given version as the next version.
	 * @throws VersionNotFound if no such version was published
	 * @throws InvalidSnapshot if an old route's function composition no longer fits its
	 * runtime's catalogue, or the result breaks the config's constraints
	 */
	RolledBack rollBackTo(long version, Author author) {
		ConfigSnapshot target = this.versions.find(version).orElseThrow(() -> new VersionNotFound(version));
		CompositionReport composition = this.compositions.checkAll(target.routes());
		if (!composition.errors().isEmpty()) {
			throw new InvalidSnapshot(composition.errors());
		}
		ConfigSnapshot published = this.publisher.publish(author.name(), "rollback to " + version, (current) -> {
			this.audit.record(author.name(), "config.rollback", "version/" + version,
					"published the routes of version " + version + " as version " + (current.version() + 1));
			return target.routes();
		}).orElseThrow();
		this.events.publishEvent(new ConfigRolledBack(published, version, author.name()));
		return new RolledBack(published, composition.warnings());
	}

	/**
	 * A published rollback.
	 *
	 * @param snapshot the snapshot it published
	 * @param warnings what could not be checked, such as the function composition of a
	 * runtime that was unreachable
	 */
	record RolledBack(ConfigSnapshot snapshot, List<String> warnings) {

	}

}
