package dev.frontline.admin.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.frontline.contract.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * Which audit events to list: each given filter must match; newest first.
 *
 * @param actor only events of this actor; {@code null} for any
 * @param action only events of this action; {@code null} for any
 * @param target only events on this target; {@code null} for any
 * @param from only events at or after this instant; {@code null} for no lower bound
 * @param to only events before this instant; {@code null} for no upper bound
 * @param limit at most this many events
 */
record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable String target, @Nullable Instant from,
		@Nullable Instant to, int limit) {

	/** The limit of a query that names none. */
	static final int DEFAULT_LIMIT = 100;

	/** The highest limit. */
	static final int MAX_LIMIT = 1000;

	/**
	 * The query that parameters given as text ask for. Blank parameters filter nothing;
	 * every bad one is named at once.
	 * @param from an ISO-8601 instant, such as {@code 2026-01-01T10:00:00Z}
	 * @param to an ISO-8601 instant after {@code from}
	 * @param limit a whole number from 1 to {@value #MAX_LIMIT}; default
	 * {@value #DEFAULT_LIMIT}
	 * @throws InvalidAuditQuery with every parameter that cannot be understood
	 */
	static AuditQuery parse(@Nullable String actor, @Nullable String action, @Nullable String target,
			@Nullable String from, @Nullable String to, @Nullable String limit) {
		List<FieldError> errors = new ArrayList<>();
		Instant fromInstant = instant("from", from, errors);
		Instant toInstant = instant("to", to, errors);
		if (fromInstant != null && toInstant != null && !toInstant.isAfter(fromInstant)) {
			errors.add(new FieldError("to", "must be after from (" + fromInstant + ")"));
		}
		int max = limit(limit, errors);
		if (!errors.isEmpty()) {
			throw new InvalidAuditQuery(errors);
		}
		return new AuditQuery(blankToNull(actor), blankToNull(action), blankToNull(target), fromInstant, toInstant,
				max);
	}

	private static @Nullable Instant instant(String name, @Nullable String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(name, "must be an ISO-8601 instant such as 2026-01-01T10:00:00Z"));
			return null;
		}
	}

	private static int limit(@Nullable String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(value.strip());
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
		return DEFAULT_LIMIT;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
