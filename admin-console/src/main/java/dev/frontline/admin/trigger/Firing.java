package dev.frontline.admin.trigger;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One scheduled time of a timer trigger, claimed by the console instance that fires it,
 * and what came of it.
 *
 * @param triggerId the trigger
 * @param scheduledAt the scheduled time
 * @param catchUp whether it stands for the times missed while no console fired (after
 * downtime), of which it is the latest
 * @param function the function definition posted
 * @param runtime the runtime it is posted to
 * @param payload the input posted, as JSON
 * @param status where it stands
 * @param attempts the posts made so far
 * @param claimedAt when it was claimed
 * @param claimedBy the console instance that holds it, or held it last
 * @param nextAttemptAt while pending, until when its holder is trying it; after that, any
 * instance tries it again
 * @param finishedAt when it was fired, or given up
 * @param invocationId the id of the invocation the runtime accepted
 * @param invocationStatus the status of that invocation as the runtime answered it, such
 * as {@code queued}
 * @param error why the latest post failed
 */
record Firing(String triggerId, Instant scheduledAt, boolean catchUp, String function, String runtime,
		@JsonIgnore String payload, Status status, int attempts, Instant claimedAt, String claimedBy,
		@Nullable Instant nextAttemptAt, @Nullable Instant finishedAt, @Nullable String invocationId,
		@Nullable String invocationStatus, @Nullable String error) {

	/**
	 * The key the runtime deduplicates the firing's posts by:
	 * {@code trigger:<id>:<scheduled epoch second>}.
	 */
	@JsonProperty
	String idempotencyKey() {
		return "trigger:" + this.triggerId + ":" + this.scheduledAt.getEpochSecond();
	}

	/**
	 * Where a firing stands.
	 */
	enum Status {

		/** Claimed, and being posted or to be posted again. */
		@JsonProperty("pending")
		PENDING,

		/** The runtime accepted it. */
		@JsonProperty("fired")
		FIRED,

		/** The runtime refused it, or could not be reached in time. */
		@JsonProperty("failed")
		FAILED;

		/**
		 * The status as the API spells it, such as {@code fired}.
		 */
		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Status of(String label) {
			return valueOf(label.toUpperCase(Locale.ROOT));
		}

	}

}
