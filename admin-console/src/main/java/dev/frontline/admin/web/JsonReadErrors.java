package dev.frontline.admin.web;

import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.frontline.contract.FieldError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Names the field of a request body that could not be read, and says what it should have
 * been, from the exception Jackson threw.
 */
public final class JsonReadErrors {

	/** The field name used for the body as a whole. */
	public static final String ROOT = "$";

	private JsonReadErrors() {
	}

	/**
	 * The field error for the first Jackson exception in the cause chain, or a body-level
	 * error if there is none.
	 */
	public static FieldError of(Throwable failure) {
		JacksonException jackson = find(failure);
		if (jackson == null) {
			return new FieldError(ROOT, "is required and must be a JSON document");
		}
		if (jackson instanceof StreamReadException syntax) {
			return new FieldError(fieldAt(syntax.processor()),
					"is not valid JSON: " + firstLine(syntax.getOriginalMessage()));
		}
		if (jackson instanceof StreamConstraintsException limit) {
			// Such as a number of thousands of digits, or arrays nested thousands deep.
			return new FieldError(fieldAt(limit.processor()), "is too large: " + firstLine(limit.getOriginalMessage()));
		}
		String field = path(jackson.getPath());
		if (jackson instanceof PropertyBindingException) {
			return new FieldError(field, "is not a known field");
		}
		if (jackson instanceof InvalidFormatException invalid
				&& WellFormedTextDeserializer.MESSAGE.equals(invalid.getOriginalMessage())) {
			return new FieldError(field, WellFormedTextDeserializer.MESSAGE);
		}
		if (jackson instanceof InvalidNullException) {
			return new FieldError(field, "must not be null");
		}
		if (jackson instanceof MismatchedInputException mismatch) {
			return new FieldError(field, expected(mismatch));
		}
		if (jackson instanceof ValueInstantiationException
				&& jackson.getCause() instanceof IllegalArgumentException refused && refused.getMessage() != null) {
			// A value type that checks itself, such as a latency histogram with the wrong
			// number of buckets, says what is wrong.
			return new FieldError(field, firstLine(refused.getMessage()));
		}
		return new FieldError(field, "is invalid");
	}

	private static @Nullable JacksonException find(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? ROOT : path.toString();
	}

	private static String fieldAt(@Nullable Object processor) {
		if (!(processor instanceof JsonParser parser)) {
			return ROOT;
		}
		StringBuilder path = new StringBuilder();
		for (TokenStreamContext context = parser.streamReadContext(); context != null
				&& !context.inRoot(); context = context.getParent()) {
			if (context.inArray()) {
				path.insert(0, "[" + Math.max(context.getCurrentIndex(), 0) + "]");
			}
			else if (context.currentName() != null) {
				path.insert(0, "." + context.currentName());
			}
		}
		return path.isEmpty() ? ROOT : path.substring((path.charAt(0) == '.') ? 1 : 0);
	}

	private static String expected(MismatchedInputException mismatch) {
		Class<?> type = mismatch.getTargetType();
		if (type == null) {
			return "has the wrong type";
		}
		if (type.isEnum()) {
			return "must be one of " + enumValues(type);
		}
		if (type == Duration.class) {
			return "must be a duration such as 500ms, 5s, 2m or PT5S";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "must be an ISO-8601 timestamp such as 2026-01-01T10:00:00Z";
		}
		if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
			return "must be a whole number";
		}
		if ((type.isPrimitive() && type != boolean.class) || Number.class.isAssignableFrom(type)) {
			return "must be a number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "must be true or false";
		}
		if (type == String.class) {
			return "must be a string";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "must be an array";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "must be an object";
		}
		return (mismatch instanceof InvalidFormatException) ? "has an invalid value" : "has the wrong type";
	}

	private static String enumValues(Class<?> type) {
		return Arrays.stream(type.getEnumConstants()).map((constant) -> {
			String name = ((Enum<?>) constant).name();
			try {
				JsonProperty property = type.getField(name).getAnnotation(JsonProperty.class);
				return (property != null) ? property.value() : name;
			}
			catch (NoSuchFieldException ex) {
				return name;
			}
		}).collect(Collectors.joining(", "));
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "unexpected content";
		}
		String line = message.lines().findFirst().orElse(message);
		return (line.length() > 200) ? line.substring(0, 200) + "..." : line;
	}

}
