package dev.frontline.admin.trigger;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A stored timer trigger.
 *
 * @param definition what it fires, when and where
 * @param revision grows with every change
 * @param firedThrough the latest scheduled time claimed, or the time its schedule
 * started; the times after it are due
 * @param createdAt when it was created
 * @param createdBy who created it
 * @param updatedAt when it last changed
 * @param updatedBy who changed it last
 */
record Trigger(TriggerDefinition definition, long revision, Instant firedThrough, Instant createdAt, String createdBy,
		Instant updatedAt, String updatedBy) {

	String id() {
		return this.definition.id();
	}

	boolean enabled() {
		return this.definition.enabled();
	}

	Schedule schedule() {
		return Schedule.of(this.definition.cron(), this.definition.zone());
	}

	/**
	 * When it fires next, if it is enabled and its schedule matches again.
	 */
	@Nullable Instant nextFireAt(Instant now) {
		if (!enabled()) {
			return null;
		}
		return schedule().next(this.firedThrough.isAfter(now) ? this.firedThrough : now);
	}

	/**
	 * The trigger as the API shows it.
	 */
	View view(Instant now) {
		TriggerDefinition definition = this.definition;
		return new View(definition.id(), definition.cron(), definition.zone(), definition.function(),
				definition.runtime(), definition.payload(), definition.enabled(), nextFireAt(now), this.createdAt,
				this.createdBy, this.updatedAt, this.updatedBy);
	}

	/**
	 * A timer trigger as the API answers it.
	 *
	 * @param id its id
	 * @param cron its cron expression
	 * @param zone the time zone of the expression
	 * @param function the function definition it fires
	 * @param runtime the base URI of the runtime it fires on
	 * @param payload the function's input
	 * @param enabled whether it fires
	 * @param nextFireAt when it fires next; {@code null} while disabled
	 * @param createdAt when it was created
	 * @param createdBy who created it
	 * @param updatedAt when it last changed
	 * @param updatedBy who changed it last
	 */
	record View(String id, String cron, String zone, String function, String runtime, JsonNode payload, boolean enabled,
			@Nullable Instant nextFireAt, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

	}

}
