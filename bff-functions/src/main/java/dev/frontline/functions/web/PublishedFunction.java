package dev.frontline.functions.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;

/**
 * A function that may be called over HTTP.
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
		return ResolvableType.forType(next.inputType())
			.isAssignableFrom(ResolvableType.forType(valueType(this.outputType)));
	}

	/**
	 * How {@code GET /functions} shows this function.
	 */
	FunctionListing listing() {
		return new FunctionListing(this.name, simpleName(this.inputType), simpleName(this.outputType),
				this.description);
	}

	private static Type valueType(Type type) {
		if (type instanceof ParameterizedType parameterized
				&& (parameterized.getRawType() == Mono.class || parameterized.getRawType() == Flux.class)) {
			return parameterized.getActualTypeArguments()[0];
		}
		return type;
	}

	// A Mono answers with its value and a Flux with an array of its values, so the JSON a
	// client sees has the element's shape.
	static String simpleName(Type type) {
		if (type instanceof Class<?> plain) {
			return plain.getSimpleName();
		}
		if (type instanceof ParameterizedType parameterized) {
			Type raw = parameterized.getRawType();
			Type[] arguments = parameterized.getActualTypeArguments();
			if (raw == Mono.class) {
				return simpleName(arguments[0]);
			}
			if (raw == Flux.class) {
				return simpleName(arguments[0]) + "[]";
			}
			return simpleName(raw) + Arrays.stream(arguments)
				.map(PublishedFunction::simpleName)
				.collect(Collectors.joining(", ", "<", ">"));
		}
		return type.getTypeName();
	}

	/**
	 * One entry of {@code GET /functions}.
	 *
	 * @param name the function's name
	 * @param inputType the simple name of its input type
	 * @param outputType the simple name of what it answers
	 * @param description what it answers
	 */
	record FunctionListing(String name, String inputType, String outputType, String description) {

	}

}
