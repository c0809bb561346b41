package dev.frontline.admin.trigger;

import tools.jackson.databind.JsonNode;

/**
 * A checked timer trigger, with its defaults filled in: what is stored.
 *
 * @param id its id
 * @param cron its cron expression
 * @param zone its time zone id
 * @param function the function definition it fires
 * @param runtime the base URI of the runtime it fires on, without a trailing slash
 * @param payload the function's input
 * @param enabled whether it fires
 */
record TriggerDefinition(String id, String cron, String zone, String function, String runtime, JsonNode payload,
		boolean enabled) {

	/**
	 * What it does, for the audit log.
	 */
	String describe() {
		return "cron '" + this.cron + "' in " + this.zone + ", function " + this.function + " on " + this.runtime + ", "
				+ (this.enabled ? "enabled" : "disabled");
	}

}
