package dev.frontline.admin.snapshot;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.frontline.contract.ApiKey;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.ConfigViolations;
import dev.frontline.contract.FieldError;
import dev.frontline.contract.RateLimitPolicy;
import dev.frontline.contract.RouteRule;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes new snapshots atomically. Each publish locks the head version, computes the
 * change from the snapshot that is current under the lock, checks the result, and commits
 * it as the next version; so versions are gap-free and monotonic even with several
 * writers on several instances sharing one database.
 */
@Component
public class SnapshotPublisher {

	private final ConfigVersions versions;

	private final TransactionTemplate transactions;

	private final Validator validator;

	private final ApplicationEventPublisher events;

	SnapshotPublisher(ConfigVersions versions, PlatformTransactionManager transactionManager, Validator validator,
			ApplicationEventPublisher events) {
		this.versions = versions;
		this.transactions = new TransactionTemplate(transactionManager);
		this.validator = validator;
		this.events = events;
	}

	/**
	 * Publishes the snapshot that a change of the routes makes of the current one, with
	 * the current API keys and default rate limit, and announces it with a
	 * {@link SnapshotPublished} event once committed.
	 * @param createdBy who publishes it
	 * @param summary what changes, for the history
	 * @param change computes the new routes; runs while publishing is locked
	 * @return the published snapshot, or empty if the change published nothing
	 * @throws InvalidSnapshot if the resulting snapshot breaks the config's constraints
	 */
	public Optional<ConfigSnapshot> publish(String createdBy, String summary, SnapshotChange change) {
		return publishContent(createdBy, (current) -> {
			List<RouteRule> routes = change.apply(current);
			return (routes != null) ? new Content(routes, current.apiKeys(), current.defaultRateLimit(), summary)
					: null;
		});
	}

	/**
	 * Publishes the snapshot that a change of the API keys makes of the current one, with
	 * the current routes and default rate limit, and announces it like {@link #publish}.
	 * @param createdBy who publishes it
	 * @param summary what changes, for the history
	 * @param change computes the new keys; runs while publishing is locked, in the
	 * publishing transaction
	 * @return the published snapshot, or empty if the change published nothing
	 * @throws InvalidSnapshot if the resulting snapshot breaks the config's constraints
	 */
	public Optional<ConfigSnapshot> publishApiKeys(String createdBy, String summary, ApiKeyChange change) {
		return publishContent(createdBy, (current) -> {
			List<ApiKey> apiKeys = change.apply(current);
			return (apiKeys != null) ? new Content(current.routes(), apiKeys, current.defaultRateLimit(), summary)
					: null;
		});
	}

	/**
	 * Publishes the snapshot that a change of the default rate limit makes of the current
	 * one, with the current routes and API keys, and announces it like {@link #publish}.
	 * @param createdBy who publishes it
	 * @param summary what changes, for the history
	 * @param change computes the new default; runs while publishing is locked
	 * @return the published snapshot
	 * @throws InvalidSnapshot if the resulting snapshot breaks the config's constraints
	 */
	public ConfigSnapshot publishDefaultRateLimit(String createdBy, String summary, DefaultRateLimitChange change) {
		return publishContent(createdBy,
				(current) -> new Content(current.routes(), current.apiKeys(), change.apply(current).orElse(null),
						summary))
			.orElseThrow(() -> new IllegalStateException("A default rate limit change published nothing"));
	}

	/**
	 * Publishes the snapshot that a described change of the routes makes of the current
	 * one, with the current API keys and default rate limit, under the summary the change
	 * gives, and announces it like {@link #publish}. What the change stores commits even
	 * when it publishes nothing.
	 * @param createdBy who publishes it
	 * @param change computes the new routes and their summary; runs while publishing is
	 * locked, in the publishing transaction
	 * @return the published snapshot, or empty if the change published nothing
	 * @throws InvalidSnapshot if the resulting snapshot breaks the config's constraints
	 */
	public Optional<ConfigSnapshot> publishDescribed(String createdBy, DescribedChange change) {
		return publishContent(createdBy, (current) -> {
			DescribedChange.Described described = change.apply(current);
			return (described != null) ? new Content(described.routes(), current.apiKeys(), current.defaultRateLimit(),
					described.summary()) : null;
		});
	}

	private Optional<ConfigSnapshot> publishContent(String createdBy,
			Function<ConfigSnapshot, @Nullable Content> change) {
		ConfigSnapshot published = this.transactions.execute((status) -> {
			long head = this.versions.lockHead();
			ConfigSnapshot current = (head != 0)
					? this.versions.find(head)
						.orElseThrow(() -> new IllegalStateException("Head version " + head + " has no snapshot"))
					: ConfigVersions.NONE;
			Content content = change.apply(current);
			if (content == null) {
				return null;
			}
			ConfigSnapshot next = ConfigSnapshot.of(head + 1, Instant.now().truncatedTo(ChronoUnit.MILLIS), createdBy,
					content.routes(), content.apiKeys(), content.defaultRateLimit());
			List<FieldError> errors = ConfigViolations.of(this.validator, next);
			if (!errors.isEmpty()) {
				throw new InvalidSnapshot(errors);
			}
			this.versions.append(next, content.summary());
			return next;
		});
		if (published != null) {
			this.events.publishEvent(new SnapshotPublished(published));
		}
		return Optional.ofNullable(published);
	}

	/**
	 * What the next snapshot holds, and the summary of the change for the history.
	 */
	private record Content(List<RouteRule> routes, List<ApiKey> apiKeys, @Nullable RateLimitPolicy defaultRateLimit,
			String summary) {

	}

}
