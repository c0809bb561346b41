package dev.frontline.admin.deadletter;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An invocation that a function runtime keeps among its dead letters, as the console
 * shows it: the fields it knows of the runtime's record, tagged with the runtime. Fields
 * the runtime does not send are {@code null}; fields the console does not know are
 * dropped.
 *
 * @param runtime the base URI of the runtime that holds it
 * @param id its id on that runtime
 * @param function the function definition it invokes
 * @param route the gateway route it came through, if any
 * @param status {@code dead_lettered} or {@code failed} while among the dead letters;
 * {@code queued} once redriven
 * @param reason why it is a dead letter, such as {@code retries_exhausted}
 * @param attempts the attempts it made
 * @param createdAt when the runtime accepted it
 * @param finishedAt when it reached its final status
 * @param deadLetteredAt when it went to the dead letters
 * @param lastError how its latest attempt failed: the runtime's problem object, or text
 * @param input the function's input; only the runtime's record of one invocation holds it
 */
record DeadLetter(String runtime, String id, @Nullable String function, @Nullable String route, @Nullable String status,
		@Nullable String reason, @Nullable Integer attempts, @Nullable Instant createdAt, @Nullable Instant finishedAt,
		@Nullable Instant deadLetteredAt, @Nullable JsonNode lastError, @Nullable JsonNode input) {

	/** Newest first: by when it went to the dead letters, finished, or was accepted. */
	static final Comparator<DeadLetter> NEWEST_FIRST = Comparator.comparing(DeadLetter::latest,
			Comparator.nullsLast(Comparator.reverseOrder()));

	/**
	 * The dead letter a runtime's JSON describes, read leniently.
	 * @return the dead letter, or {@code null} if the JSON names no id to address it by
	 */
	static @Nullable DeadLetter of(String runtime, JsonNode json) {
		String id = text(json, "id");
		if (!json.isObject() || id == null) {
			return null;
		}
		JsonNode attempts = json.get("attempts");
		return new DeadLetter(runtime, id, text(json, "function"), text(json, "route"), text(json, "status"),
				text(json, "reason"), (attempts != null && attempts.isIntegralNumber()) ? attempts.asInt() : null,
				instant(json, "createdAt"), instant(json, "finishedAt"), instant(json, "deadLetteredAt"),
				present(json.get("lastError")), present(json.get("input")));
	}

	/**
	 * The last error in one line, for lists: the problem's detail, else its title, else
	 * the text the runtime sent.
	 */
	public @Nullable String errorSummary() {
		if (this.lastError == null) {
			return null;
		}
		if (this.lastError.isString()) {
			return this.lastError.stringValue();
		}
		String detail = text(this.lastError, "detail");
		String title = text(this.lastError, "title");
		if (detail != null) {
			return (title != null) ? title + ": " + detail : detail;
		}
		return (title != null) ? title : this.lastError.toString();
	}

	private @Nullable Instant latest() {
		if (this.deadLetteredAt != null) {
			return this.deadLetteredAt;
		}
		return (this.finishedAt != null) ? this.finishedAt : this.createdAt;
	}

	private static @Nullable JsonNode present(@Nullable JsonNode node) {
		return (node == null || node.isNull() || node.isMissingNode()) ? null : node;
	}

	private static @Nullable String text(JsonNode json, String field) {
		JsonNode value = json.get(field);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		return value.asString();
	}

	private static @Nullable Instant instant(JsonNode json, String field) {
		String text = text(json, field);
		if (text == null) {
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
