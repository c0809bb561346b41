package dev.frontline.admin.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Reads text, refusing any that is not well-formed Unicode: JSON can carry an unpaired
 * surrogate ({@code "\ud800"}), which no UTF-8 database column can hold, so PostgreSQL
 * would store {@code ?} in its place and the console would serve other text than it
 * accepted.
 */
class WellFormedTextDeserializer extends StringDeserializer {

	/** What the refusal says; {@link JsonReadErrors} reports it for the field. */
	static final String MESSAGE = "must be well-formed Unicode text (it holds an unpaired surrogate)";

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		String text = super.deserialize(parser, context);
		if (text != null && !isWellFormed(text)) {
			// The value itself stays out of the error: it could not be written as JSON.
			throw InvalidFormatException.from(parser, MESSAGE, "", String.class);
		}
		return text;
	}

	static boolean isWellFormed(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

}
