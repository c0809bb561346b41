package dev.frontline.admin.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.frontline.contract.FieldError;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log, newest first, filtered by actor, action, target and time.
 */
@RestController
class AuditController {

	private static final int DEFAULT_LIMIT = 100;

	private static final int MAX_LIMIT = 1000;

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	/**
	 * Lists audit events. Parameters are taken as text and checked here, so that every
	 * bad one is named in one answer.
	 */
	@GetMapping("/api/v1/audit")
	List<AuditEvent> list(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String target,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String limit) {
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
		return this.log.find(new AuditQuery(blankToNull(actor), blankToNull(action), blankToNull(target), fromInstant,
				toInstant, max));
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
