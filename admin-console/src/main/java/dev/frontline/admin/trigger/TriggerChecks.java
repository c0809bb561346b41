package dev.frontline.admin.trigger;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.frontline.admin.runtime.FunctionRuntimes;
import dev.frontline.contract.ConfigViolations;
import dev.frontline.contract.FieldError;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Component;

/**
 * Checks a written timer trigger and fills in its defaults. Every field at fault is
 * reported at once.
 */
@Component
class TriggerChecks {

	/** The largest payload, as compact JSON. */
	static final int MAX_PAYLOAD_BYTES = 64 * 1024;

	static final String DEFAULT_ZONE = "UTC";

	private final Validator validator;

	private final FunctionRuntimes runtimes;

	private final JsonMapper json = JsonMapper.builder().build();

	TriggerChecks(Validator validator, FunctionRuntimes runtimes) {
		this.validator = validator;
		this.runtimes = runtimes;
	}

	/**
	 * The trigger a request defines.
	 * @param request the request
	 * @param pathId the id in the path of a {@code PUT}; {@code null} for a {@code POST}
	 * @throws InvalidTrigger with every field at fault
	 */
	TriggerDefinition check(TriggerRequest request, @Nullable String pathId) {
		List<FieldError> errors = new ArrayList<>();
		TriggerRequest checked = request;
		if (pathId != null) {
			if (request.id() != null && !request.id().equals(pathId)) {
				errors.add(new FieldError("id", "must be absent or equal the id in the path ('" + pathId + "')"));
			}
			checked = request.withIdOr(pathId);
		}
		errors.addAll(ConfigViolations.of(this.validator, checked));
		String zone = (checked.zone() != null && !checked.zone().isBlank()) ? checked.zone().strip() : DEFAULT_ZONE;
		checkSchedule(checked.cron(), zone, errors);
		JsonNode payload = (checked.payload() != null && !checked.payload().isNull()) ? checked.payload()
				: JsonNodeFactory.instance.objectNode();
		if (this.json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
			errors.add(new FieldError("payload", "must be at most " + MAX_PAYLOAD_BYTES + " bytes of JSON"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidTrigger(errors.stream()
				.distinct()
				.sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
				.toList());
		}
		String runtime = (checked.runtime() != null && !checked.runtime().isBlank())
				? FunctionRuntimes.normalize(checked.runtime()) : this.runtimes.first();
		return new TriggerDefinition(checked.id(), checked.cron().strip(), zone, checked.function(), runtime, payload,
				!Boolean.FALSE.equals(checked.enabled()));
	}

	private static void checkSchedule(@Nullable String cron, String zone, List<FieldError> errors) {
		boolean zoneValid = true;
		try {
			ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			errors.add(new FieldError("zone", "must be a time zone such as UTC or Europe/Berlin"));
			zoneValid = false;
		}
		if (cron == null || cron.isBlank()) {
			return;
		}
		Schedule schedule;
		try {
			schedule = Schedule.of(cron.strip(), zoneValid ? zone : DEFAULT_ZONE);
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("cron",
					"must be a cron expression of six fields (second, minute, hour, day of"
							+ " month, month, day of week) such as 0 */5 * * * *, or a macro such as @hourly: "
							+ firstLine(ex.getMessage())));
			return;
		}
		if (schedule.next(Instant.now()) == null) {
			errors.add(new FieldError("cron", "never fires"));
		}
	}

	private static String firstLine(@Nullable String message) {
		return (message != null) ? message.lines().findFirst().orElse(message) : "not valid";
	}

}
