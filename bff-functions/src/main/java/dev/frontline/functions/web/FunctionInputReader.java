package dev.frontline.functions.web;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.frontline.functions.web.MalformedRequest.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
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
	 * @throws MalformedRequest if the body is not JSON, does not fit the type, or breaks
	 * the type's constraints
	 */
	byte[] check(Type inputType, byte[] body) {
		byte[] content = isBlank(body) ? "{}".getBytes(StandardCharsets.UTF_8) : body;
		JsonNode tree = parse(content);
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

	private JsonNode parse(byte[] content) {
		try {
			return this.json.readTree(content);
		}
		catch (JacksonException ex) {
			throw new MalformedRequest("The request body is not valid JSON", List.of());
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
			throw new MalformedRequest("Field '" + error.field() + "' " + error.message(), List.of(error));
		}
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

	private static String path(DatabindException ex) {
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
