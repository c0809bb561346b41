package dev.frontline.functions.web;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

import dev.frontline.functions.web.MalformedRequest.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a request body against a function's input type before the function runs. Spring
 * Cloud Function, when it cannot read a body as the input type, calls the function with
 * the raw text instead (a single-string record then gets the whole body as its value), so
 * bad input has to be refused here, with the fields at fault.
 */
class FunctionInputReader {

	// Where the parser's limit messages name its own settings, which mean nothing to a
	// client.
	private static final Pattern LIMIT_SOURCE = Pattern.compile(", from .*$");

	private final JsonMapper json;

	private final Validator validator;

	FunctionInputReader(JsonMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	/**
	 * Checks a body.
	 * @param inputType the function's input type
	 * @param body the request body, empty for none
	 * @return the body to hand to the function: the same, or {@code {}} for an empty one
	 * @throws MalformedRequest if the body is not UTF-8 or not JSON, goes beyond the
	 * parser's limits (nesting depth, length of a number), holds a number no
	 * {@code double} can hold, does not fit the type, or breaks the type's constraints
	 */
	byte[] check(Type inputType, byte[] body) {
		byte[] content = isBlank(body) ? "{}".getBytes(StandardCharsets.UTF_8) : body;
		requireUtf8(content);
		JsonNode tree = parse(content);
		requireFiniteNumbers(tree, "");
		JavaType type = this.json.constructType(inputType);
		if (expectsObject(type) && !tree.isObject()) {
			throw new MalformedRequest("The request body must be a JSON object", List.of());
		}
		Object input = read(tree, type);
		List<FieldError> errors = this.validator.validate(input)
			.stream()
			.map((violation) -> new FieldError(path(violation), violation.getMessage()))
			.sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
			.toList();
		if (!errors.isEmpty()) {
			throw new MalformedRequest(
					errors.size() + ((errors.size() == 1) ? " field is" : " fields are") + " invalid", errors);
		}
		return content;
	}

	// JSON between systems is UTF-8 (RFC 8259); the parser would only say that the text
	// is not JSON.
	private static void requireUtf8(byte[] content) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
		ByteBuffer in = ByteBuffer.wrap(content);
		CharBuffer out = CharBuffer.allocate(Math.min(content.length, 8192));
		CoderResult result;
		do {
			out.clear();
			result = decoder.decode(in, out, true);
			if (result.isError()) {
				throw new MalformedRequest("The request body is not valid UTF-8 (byte " + in.position() + ")",
						List.of());
			}
		}
		while (result.isOverflow());
	}

	private JsonNode parse(byte[] content) {
		try {
			return this.json.readTree(content);
		}
		catch (StreamConstraintsException ex) {
			throw new MalformedRequest("The request body goes beyond what the runtime reads: "
					+ LIMIT_SOURCE.matcher(ex.getOriginalMessage()).replaceFirst(")"), List.of());
		}
		catch (UnexpectedEndOfInputException ex) {
			throw new MalformedRequest("The request body is not valid JSON: it ends before the JSON does", List.of());
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			throw new MalformedRequest(
					"The request body is not valid JSON" + ((location != null)
							? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : ""),
					List.of());
		}
	}

	// A number beyond the range of a double reads as infinity, or fails to read, in
	// whatever field takes it; no input means that.
	private static void requireFiniteNumbers(JsonNode node, String path) {
		if (node.isNumber()) {
			OptionalDouble value = node.doubleValueOpt();
			if (value.isEmpty() || !Double.isFinite(value.getAsDouble())) {
				FieldError error = new FieldError(path, "is a number out of range");
				throw new MalformedRequest(describe(error), List.of(error));
			}
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				requireFiniteNumbers(property.getValue(),
						path.isEmpty() ? property.getKey() : path + "." + property.getKey());
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				requireFiniteNumbers(node.get(i), path + "[" + i + "]");
			}
		}
	}

	private Object read(JsonNode tree, JavaType type) {
		try {
			Object input = this.json.readerFor(type)
				.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.readValue(tree);
			if (input == null) {
				throw new MalformedRequest("The request body must not be null", List.of());
			}
			return input;
		}
		catch (DatabindException ex) {
			FieldError error = new FieldError(path(ex), describe(ex));
			throw new MalformedRequest(describe(error), List.of(error));
		}
		catch (StreamReadException ex) {
			// Such as a number too large for the field's type.
			FieldError error = new FieldError(path(ex), describe(ex));
			throw new MalformedRequest(describe(error), List.of(error));
		}
	}

	private static String describe(FieldError error) {
		return error.field().isEmpty() ? "The request body " + error.message()
				: "Field '" + error.field() + "' " + error.message();
	}

	private static boolean expectsObject(JavaType type) {
		Class<?> raw = type.getRawClass();
		return raw.isRecord() || !(type.isContainerType() || raw.isPrimitive() || raw.getName().startsWith("java."));
	}

	private static boolean isBlank(byte[] body) {
		for (byte b : body) {
			if (!Character.isWhitespace(b)) {
				return false;
			}
		}
		return true;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String describe(StreamReadException ex) {
		if (ex instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
			Class<?> target = coercion.getTargetType();
			if (target == int.class || target == Integer.class) {
				return "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
			}
			if (target == long.class || target == Long.class) {
				return "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
			}
			return "is a number out of range";
		}
		return "is invalid";
	}

	private static String describe(DatabindException ex) {
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			Class<?> target = mismatch.getTargetType();
			if (CharSequence.class.isAssignableFrom(target)) {
				return "must be a string";
			}
			if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
				return "must be a number";
			}
			if (target == Boolean.class || target == boolean.class) {
				return "must be true or false";
			}
			if (Collection.class.isAssignableFrom(target) || target.isArray()) {
				return "must be an array";
			}
			if (Map.class.isAssignableFrom(target) || !target.getName().startsWith("java.")) {
				return "must be an object";
			}
		}
		return "is invalid";
	}

	private static String path(ConstraintViolation<?> violation) {
		StringBuilder path = new StringBuilder();
		for (Path.Node node : violation.getPropertyPath()) {
			if (node.getIndex() != null) {
				path.append('[').append(node.getIndex()).append(']');
			}
			else if (node.getKey() != null) {
				path.append('[').append(node.getKey()).append(']');
			}
			if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
				continue;
			}
			path.append(path.isEmpty() ? "" : ".").append(node.getName());
		}
		return path.toString();
	}

}
