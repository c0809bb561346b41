package dev.frontline.admin.ratelimit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.frontline.admin.audit.AuditLog;
import dev.frontline.admin.security.Author;
import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.admin.snapshot.SnapshotPublisher;
import dev.frontline.admin.web.ApiHeaders;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.ConfigViolations;
import dev.frontline.contract.DurationJson;
import dev.frontline.contract.FieldError;
import dev.frontline.contract.RateLimitPolicy;
import jakarta.validation.Validator;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The default rate limit REST API. Setting or removing the default publishes a new
 * snapshot with the current routes and API keys; every response names the config version
 * it reflects or published in the {@value ApiHeaders#CONFIG_VERSION} header.
 */
@RestController
@RequestMapping("/api/v1/config/default-rate-limit")
class DefaultRateLimitController {

	/** The default rate limit's name in the audit log. */
	private static final String TARGET = "default-rate-limit";

	private final ConfigVersions versions;

	private final SnapshotPublisher publisher;

	private final Validator validator;

	private final AuditLog audit;

	DefaultRateLimitController(ConfigVersions versions, SnapshotPublisher publisher, Validator validator,
			AuditLog audit) {
		this.versions = versions;
		this.publisher = publisher;
		this.validator = validator;
		this.audit = audit;
	}

	@GetMapping
	ResponseEntity<RateLimitPolicy> get() {
		ConfigSnapshot current = this.versions.current();
		RateLimitPolicy policy = current.defaultRateLimit();
		if (policy == null) {
			throw new DefaultRateLimitNotSet();
		}
		return ResponseEntity.ok().header(ApiHeaders.CONFIG_VERSION, version(current)).body(policy);
	}

	/**
	 * Sets the default, after checking the policy on its own so that field errors name
	 * the policy's fields rather than the snapshot's.
	 */
	@PutMapping
	ResponseEntity<RateLimitPolicy> set(@RequestBody RateLimitPolicy policy, Author author) {
		List<FieldError> errors = ConfigViolations.of(this.validator, policy);
		if (!errors.isEmpty()) {
			throw new InvalidRateLimitPolicy(errors);
		}
		ConfigSnapshot published = this.publisher.publishDefaultRateLimit(author.name(), "set default rate limit",
				(current) -> {
					this.audit.record(author.name(), "default-rate-limit.set", TARGET,
							policy.permits() + " per " + DurationJson.format(policy.period()) + " by "
									+ policy.key().name().toLowerCase(Locale.ROOT).replace('_', '-')
									+ ", published as version " + (current.version() + 1));
					return Optional.of(policy);
				});
		return ResponseEntity.ok().header(ApiHeaders.CONFIG_VERSION, version(published)).body(policy);
	}

	@DeleteMapping
	ResponseEntity<Void> remove(Author author) {
		ConfigSnapshot published = this.publisher.publishDefaultRateLimit(author.name(), "remove default rate limit",
				(current) -> {
					if (current.defaultRateLimit() == null) {
						throw new DefaultRateLimitNotSet();
					}
					this.audit.record(author.name(), "default-rate-limit.clear", TARGET,
							"published as version " + (current.version() + 1));
					return Optional.empty();
				});
		return ResponseEntity.noContent().header(ApiHeaders.CONFIG_VERSION, version(published)).build();
	}

	private static String version(ConfigSnapshot snapshot) {
		return String.valueOf(snapshot.version());
	}

}
