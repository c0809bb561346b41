package dev.frontline.admin.trigger;

import dev.frontline.contract.FunctionDefinition;
import dev.frontline.contract.HttpUri;
import dev.frontline.contract.RouteRule;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A timer trigger as the API takes it, for {@code POST /api/v1/triggers} and {@code PUT
 * /api/v1/triggers/{id}}.
 *
 * @param id the trigger's id, with the syntax of route ids such as
 * {@code nightly-report}; may be left out of a {@code PUT}, whose path names it
 * @param cron when it fires: a Spring cron expression of six fields (second, minute,
 * hour, day of month, month, day of week) such as {@code 0 0 3 * * *}, or a macro such as
 * {@code @hourly}
 * @param zone the time zone the expression is read in, such as {@code Europe/Berlin};
 * default {@code UTC}
 * @param function the function definition it fires, such as {@code report} or
 * {@code report|mail}
 * @param runtime the base URI of the function runtime it fires on; default the first
 * configured runtime
 * @param payload the function's input, any JSON; default {@code {}}
 * @param enabled whether it fires; default true
 */
record TriggerRequest(@Nullable @NotBlank @Pattern(regexp = RouteRule.ID_PATTERN, message = ID_MESSAGE) String id,
		@Nullable @NotBlank @Size(max = 200) String cron, @Nullable @Size(max = 100) String zone,
		@Nullable @NotBlank @FunctionDefinition String function, @Nullable @HttpUri @Size(max = 2000) String runtime,
		@Nullable JsonNode payload, @Nullable Boolean enabled) {

	static final String ID_MESSAGE = "must be lower-case letters, digits and dashes (at most 63), starting with a"
			+ " letter or digit";

	/**
	 * The same request with the given id if it names none.
	 */
	TriggerRequest withIdOr(String id) {
		return (this.id != null) ? this
				: new TriggerRequest(id, this.cron, this.zone, this.function, this.runtime, this.payload, this.enabled);
	}

}
