package dev.frontline.admin.snapshot;

import java.net.URI;
import java.util.List;

import dev.frontline.admin.audit.AuditLog;
import dev.frontline.admin.catalogue.CompositionChecks;
import dev.frontline.admin.catalogue.CompositionReport;
import dev.frontline.admin.security.Author;
import dev.frontline.admin.web.ApiHeaders;
import dev.frontline.contract.ConfigSnapshot;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The current snapshot, the history, and rollback.
 */
@RestController
@RequestMapping("/api/v1/config")
class ConfigController {

	private static final int MAX_HISTORY = 1000;

	private final ConfigVersions versions;

	private final SnapshotPublisher publisher;

	private final CompositionChecks compositions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	ConfigController(ConfigVersions versions, SnapshotPublisher publisher, CompositionChecks compositions,
			AuditLog audit, ApplicationEventPublisher events) {
		this.versions = versions;
		this.publisher = publisher;
		this.compositions = compositions;
		this.audit = audit;
		this.events = events;
	}

	@GetMapping
	ResponseEntity<ConfigSnapshot> current() {
		ConfigSnapshot current = this.versions.current();
		return ResponseEntity.ok().header(ApiHeaders.CONFIG_VERSION, String.valueOf(current.version())).body(current);
	}

	@GetMapping("/versions")
	List<ConfigVersion> history(@RequestParam(defaultValue = "100") int limit) {
		return this.versions.history(Math.max(1, Math.min(limit, MAX_HISTORY)));
	}

	@GetMapping("/versions/{version}")
	ConfigSnapshot version(@PathVariable long version) {
		return this.versions.find(version).orElseThrow(() -> new VersionNotFound(version));
	}

	/**
	 * Publishes the routes of an old version as a new version. The API keys and the
	 * default rate limit stay those of the current version: a rollback must not bring
	 * back a key that was revoked since, nor drop one issued since, and the default rate
	 * limit is managed on its own (set or remove it to change it). So the new version's
	 * hash differs from the old one's when the keys or the default changed in between.
	 * <p>
	 * The old routes' function compositions are checked against today's catalogues first:
	 * a function removed since would make a rolled-back route fail. Once the rollback is
	 * committed, a {@link ConfigRolledBack} event lets active releases stop.
	 */
	@PostMapping("/rollback/{version}")
	ResponseEntity<ConfigSnapshot> rollback(@PathVariable long version, Author author) {
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
		return ResponseEntity.created(URI.create("/api/v1/config/versions/" + published.version()))
			.header(ApiHeaders.CONFIG_VERSION, String.valueOf(published.version()))
			.header(ApiHeaders.WARNING, composition.warnings().toArray(String[]::new))
			.body(published);
	}

}
