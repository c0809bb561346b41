package dev.frontline.admin.snapshot;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.ConfigViolations;
import dev.frontline.contract.FieldError;
import dev.frontline.contract.RouteRule;
import jakarta.validation.Validator;

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
	 * Publishes the snapshot that the change makes of the current one, and announces it
	 * with a {@link SnapshotPublished} event once committed.
	 * @param createdBy who publishes it
	 * @param summary what changes, for the history
	 * @param change computes the new routes; runs while publishing is locked
	 * @return the published snapshot, or empty if the change published nothing
	 * @throws InvalidSnapshot if the resulting snapshot breaks the config's constraints
	 */
	public Optional<ConfigSnapshot> publish(String createdBy, String summary, SnapshotChange change) {
		ConfigSnapshot published = this.transactions.execute((status) -> {
			long head = this.versions.lockHead();
			ConfigSnapshot current = (head != 0)
					? this.versions.find(head)
						.orElseThrow(() -> new IllegalStateException("Head version " + head + " has no snapshot"))
					: ConfigVersions.NONE;
			List<RouteRule> routes = change.apply(current);
			if (routes == null) {
				return null;
			}
			ConfigSnapshot next = ConfigSnapshot.of(head + 1, Instant.now().truncatedTo(ChronoUnit.MILLIS), createdBy,
					routes);
			List<FieldError> errors = ConfigViolations.of(this.validator, next);
			if (!errors.isEmpty()) {
				throw new InvalidSnapshot(errors);
			}
			this.versions.append(next, summary);
			return next;
		});
		if (published != null) {
			this.events.publishEvent(new SnapshotPublished(published));
		}
		return Optional.ofNullable(published);
	}

}
