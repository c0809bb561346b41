package dev.frontline.admin.runtime;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a function runtime answered.
 *
 * @param runtime the runtime's base URI
 * @param status the HTTP status
 * @param body the body, empty if there was none
 */
public record RuntimeAnswer(String runtime, int status, String body) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Whether the status is 2xx.
	 */
	public boolean successful() {
		return this.status >= 200 && this.status < 300;
	}

	/**
	 * The body as JSON.
	 * @throws RuntimeUnreachable if it is not JSON, as no runtime of this platform
	 * answers
	 */
	public JsonNode json() {
		try {
			JsonNode node = JSON.readTree(this.body);
			if (node == null || node.isMissingNode()) {
				throw new RuntimeUnreachable(this.runtime, "it answered " + this.status + " without a body", null);
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new RuntimeUnreachable(this.runtime,
					"it answered " + this.status + " with something that is not JSON", ex);
		}
	}

	/**
	 * What the runtime said went wrong: the {@code detail} of its problem, or else its
	 * {@code title}, or else the status alone.
	 */
	public String problem() {
		@Nullable String said = null;
		try {
			JsonNode node = JSON.readTree(this.body);
			if (node != null && node.isObject()) {
				said = text(node, "detail");
				if (said == null) {
					said = text(node, "title");
				}
			}
		}
		catch (JacksonException ex) {
			// Not a problem document: the status says it all.
		}
		return (said != null) ? "it answered " + this.status + ": " + said : "it answered " + this.status;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString() && !value.stringValue().isBlank()) ? value.stringValue() : null;
	}

}
