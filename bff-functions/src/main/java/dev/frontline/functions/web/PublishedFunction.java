package dev.frontline.functions.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ResolvableType;

/**
 * A function that may be called over HTTP.
 * <p>
 * Composition rule ({@code f,g} or {@code f|g}): {@code f} feeds {@code g} when the Java
 * type {@code f} answers is the type {@code g} takes, compared by fully-qualified name
 * ({@code outputJavaType} of {@code f} equals {@code inputJavaType} of {@code g} in
 * {@code GET /functions}), or when {@code g} takes any JSON ({@code acceptsAnyInput}: its
 * input is {@code Object}, a {@code Map} or a Jackson {@code JsonNode}). A {@code Mono}
 * counts as its value and a {@code Flux} as an array of its values, as in the JSON.
 *
 * @param name the bean name, which is the function's name in URLs
 * @param inputType the Java type its JSON input is read as
 * @param outputType the Java type it returns
 * @param description what it answers
 */
record PublishedFunction(String name, Type inputType, Type outputType, String description) {

	/**
	 * Whether this function's answer can be the input of another, as in
	 * {@code homePage,mobileView}.
	 */
	boolean feeds(PublishedFunction next) {
		return next.acceptsAnyInput() || javaTypeName(this.outputType).equals(javaTypeName(next.inputType()));
	}

	/**
	 * Whether the function takes any JSON, so that every function can feed it.
	 */
	boolean acceptsAnyInput() {
		Type input = this.inputType;
		if (input instanceof ParameterizedType parameterized && parameterized.getRawType() == Mono.class) {
			input = parameterized.getActualTypeArguments()[0];
		}
		Class<?> raw = ResolvableType.forType(input).resolve(Object.class);
		return raw == Object.class || Map.class.isAssignableFrom(raw) || JsonNode.class.isAssignableFrom(raw);
	}

	/**
	 * How {@code GET /functions} shows this function.
	 */
	FunctionListing listing() {
		return new FunctionListing(this.name, simpleName(this.inputType), simpleName(this.outputType), this.description,
				javaTypeName(this.inputType), javaTypeName(this.outputType), acceptsAnyInput());
	}

	// A Mono answers with its value and a Flux with an array of its values, so the JSON a
	// client sees has the element's shape.
	static String simpleName(Type type) {
		return name(type, (plain) -> plain.getSimpleName());
	}

	/**
	 * The fully-qualified name of a type as it travels in JSON, such as
	 * {@code dev.frontline.functions.storefront.HomePage} or
	 * {@code java.util.List<java.lang.String>}.
	 */
	static String javaTypeName(Type type) {
		return name(type, (plain) -> (plain.getCanonicalName() != null) ? plain.getCanonicalName() : plain.getName());
	}

	private static String name(Type type, Function<Class<?>, String> naming) {
		if (type instanceof Class<?> plain) {
			return naming.apply(plain);
		}
		if (type instanceof ParameterizedType parameterized) {
			Type raw = parameterized.getRawType();
			Type[] arguments = parameterized.getActualTypeArguments();
			if (raw == Mono.class) {
				return name(arguments[0], naming);
			}
			if (raw == Flux.class) {
				return name(arguments[0], naming) + "[]";
			}
			return name(raw, naming) + Arrays.stream(arguments)
				.map((argument) -> name(argument, naming))
				.collect(Collectors.joining(", ", "<", ">"));
		}
		return type.getTypeName();
	}

	/**
	 * One entry of {@code GET /functions}.
	 *
	 * @param name the function's name
	 * @param inputType the simple name of its input type, for people
	 * @param outputType the simple name of what it answers, for people
	 * @param description what it answers
	 * @param inputJavaType the fully-qualified name of its input type, for checking
	 * compositions
	 * @param outputJavaType the fully-qualified name of what it answers, for checking
	 * compositions
	 * @param acceptsAnyInput whether it takes any JSON, so that any function may feed it
	 */
	record FunctionListing(String name, String inputType, String outputType, String description, String inputJavaType,
			String outputJavaType, boolean acceptsAnyInput) {

	}

}
