package dev.frontline.admin.trigger;

import java.util.List;
import java.util.Set;

import dev.frontline.admin.web.FormFields;
import dev.frontline.contract.FieldError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The timer trigger form of the pages, as the browser sends it.
 *
 * @param id the trigger's id; ignored when editing, where the id is in the path
 * @param cron the cron expression
 * @param zone the time zone; blank for UTC
 * @param function the function definition
 * @param runtime the runtime's base URI; blank for the first configured one
 * @param payload the input as JSON text; blank for {@code {}}
 * @param enabled whether it fires; absent (an unchecked box) for no
 */
record TriggerForm(@Nullable String id, @Nullable String cron, @Nullable String zone, @Nullable String function,
		@Nullable String runtime, @Nullable String payload, @Nullable Boolean enabled) {

	/** The fields the form shows, each under the input of the same name. */
	private static final Set<String> INPUTS = Set.of("id", "cron", "zone", "function", "runtime", "payload");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The form for a new trigger.
	 */
	static TriggerForm blank(String runtime) {
		return new TriggerForm("", "0 0 * * * *", TriggerChecks.DEFAULT_ZONE, "", runtime, "{}", true);
	}

	/**
	 * The form showing a trigger.
	 */
	static TriggerForm of(TriggerDefinition trigger) {
		return new TriggerForm(trigger.id(), trigger.cron(), trigger.zone(), trigger.function(), trigger.runtime(),
				JSON.writerWithDefaultPrettyPrinter().writeValueAsString(trigger.payload()), trigger.enabled());
	}

	/**
	 * The input that shows the errors of a field, or {@code null} for a field the form
	 * does not show.
	 */
	static @Nullable String inputOf(String field) {
		return INPUTS.contains(field) ? field : null;
	}

	/**
	 * The request the form makes, the one the API takes; only the payload is checked
	 * here, for being JSON.
	 */
	Parsed toRequest() {
		JsonNode json = null;
		if (this.payload != null && !this.payload.isBlank()) {
			try {
				json = JSON.readTree(this.payload);
			}
			catch (JacksonException ex) {
				String message = ex.getOriginalMessage();
				return new Parsed(null, List.of(new FieldError("payload", "must be JSON: "
						+ ((message != null) ? message.lines().findFirst().orElse(message) : "it cannot be read"))));
			}
		}
		return new Parsed(new TriggerRequest(FormFields.blankToNull(this.id), FormFields.blankToNull(this.cron),
				FormFields.blankToNull(this.zone), FormFields.blankToNull(this.function),
				FormFields.blankToNull(this.runtime), json, Boolean.TRUE.equals(this.enabled)), List.of());
	}

	/**
	 * A form read into a request.
	 *
	 * @param request the request; {@code null} if the form could not be read
	 * @param errors why it could not be read
	 */
	record Parsed(@Nullable TriggerRequest request, List<FieldError> errors) {

	}

}
