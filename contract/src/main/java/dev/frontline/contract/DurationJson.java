package dev.frontline.contract;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * Durations in config documents: written as {@code 500ms}, {@code 5s}, {@code 2m} or
 * {@code 1h}; read from those forms, from ISO-8601 ({@code PT5S}), or from a number of
 * milliseconds.
 */
public final class DurationJson {

	private static final Pattern SIMPLE = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)");

	private DurationJson() {
	}

	/**
	 * Parses a duration in any of the accepted forms.
	 * @throws IllegalArgumentException if the text is in none of them
	 */
	public static Duration parse(String text) {
		String trimmed = text.trim().toLowerCase(Locale.ROOT);
		Matcher simple = SIMPLE.matcher(trimmed);
		if (simple.matches()) {
			long amount = Long.parseLong(simple.group(1));
			return switch (simple.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
		}
		if (trimmed.startsWith("p")) {
			try {
				return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		throw new IllegalArgumentException(
				"'" + text + "' is not a duration; use a form such as 500ms, 5s, 2m, 1h or PT5S");
	}

	/**
	 * Formats a duration in the largest unit that represents it exactly.
	 */
	public static String format(Duration duration) {
		long millis = duration.toMillis();
		if (duration.getNano() % 1_000_000 != 0) {
			return duration.toString();
		}
		if (millis % 3_600_000 == 0 && millis != 0) {
			return (millis / 3_600_000) + "h";
		}
		if (millis % 60_000 == 0 && millis != 0) {
			return (millis / 60_000) + "m";
		}
		if (millis % 1000 == 0) {
			return (millis / 1000) + "s";
		}
		return millis + "ms";
	}

	/** Writes durations with {@link DurationJson#format(Duration)}. */
	public static final class Serializer extends ValueSerializer<Duration> {

		@Override
		public void serialize(Duration value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(format(value));
		}

	}

	/** Reads durations with {@link DurationJson#parse(String)} or as milliseconds. */
	public static final class Deserializer extends ValueDeserializer<Duration> {

		@Override
		public Duration deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
				return Duration.ofMillis(parser.getLongValue());
			}
			if (parser.currentToken() == JsonToken.VALUE_STRING) {
				try {
					return parse(parser.getString());
				}
				catch (IllegalArgumentException ex) {
					return (Duration) context.handleWeirdStringValue(Duration.class, parser.getString(),
							ex.getMessage());
				}
			}
			return (Duration) context.handleUnexpectedToken(Duration.class, parser);
		}

	}

}
