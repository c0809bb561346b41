package dev.frontline.admin.snapshot;

import java.net.URI;
import java.util.List;

import dev.frontline.admin.security.Author;
import dev.frontline.admin.web.ApiHeaders;
import dev.frontline.contract.ConfigSnapshot;

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

	private final Rollbacks rollbacks;

	ConfigController(ConfigVersions versions, Rollbacks rollbacks) {
		this.versions = versions;
		this.rollbacks = rollbacks;
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
	 * Publishes the routes of an old version as a new version; see {@link Rollbacks}.
	 */
	@PostMapping("/rollback/{version}")
	ResponseEntity<ConfigSnapshot> rollback(@PathVariable long version, Author author) {
		Rollbacks.RolledBack rolledBack = this.rollbacks.rollBackTo(version, author);
		ConfigSnapshot published = rolledBack.snapshot();
		return ResponseEntity.created(URI.create("/api/v1/config/versions/" + published.version()))
			.header(ApiHeaders.CONFIG_VERSION, String.valueOf(published.version()))
			.header(ApiHeaders.WARNING, rolledBack.warnings().toArray(String[]::new))
			.body(published);
	}

}
