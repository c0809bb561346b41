package dev.frontline.functions.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.frontline.functions.FunctionDescription;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.messaging.Message;

/**
 * The published functions: beans whose {@code @Bean} method (or class) carries
 * {@link FunctionDescription}. Spring Cloud Function alone would answer at
 * {@code /{name}} for any bean, including its own routing function and beans that are not
 * functions at all, so nothing else is reachable.
 */
class FunctionCatalogue implements SmartInitializingSingleton {

	/**
	 * Names that a function cannot take, because a path of the runtime already has them.
	 */
	static final List<String> RESERVED_NAMES = List.of("functions", "async");

	private static final Pattern SEPARATORS = Pattern.compile("[,|]");

	private final ListableBeanFactory beans;

	private final FunctionCatalog functions;

	private volatile Map<String, PublishedFunction> published = Map.of();

	FunctionCatalogue(ListableBeanFactory beans, FunctionCatalog functions) {
		this.beans = beans;
		this.functions = functions;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, PublishedFunction> found = new TreeMap<>();
		for (String name : this.beans.getBeanNamesForAnnotation(FunctionDescription.class)) {
			FunctionDescription description = this.beans.findAnnotationOnBean(name, FunctionDescription.class);
			if (description == null) {
				continue;
			}
			if (RESERVED_NAMES.contains(name)) {
				throw new IllegalStateException("A function cannot be named '" + name + "'");
			}
			FunctionInvocationWrapper function = this.functions.lookup(name);
			if (function == null || !function.isFunction()) {
				throw new IllegalStateException(
						"@FunctionDescription is on bean '" + name + "', which is not a java.util.function.Function");
			}
			found.put(name, new PublishedFunction(name, payload(function.getInputType()),
					payload(function.getOutputType()), description.value()));
		}
		this.published = Map.copyOf(found);
	}

	// A function that takes or answers a Message (to read its headers) takes or answers
	// its payload as JSON.
	private static Type payload(Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Message.class) {
			return parameterized.getActualTypeArguments()[0];
		}
		return type;
	}

	/**
	 * Finds a published function.
	 */
	Optional<PublishedFunction> find(String name) {
		return Optional.ofNullable(this.published.get(name));
	}

	/**
	 * The functions a definition names, in order.
	 * @param definition published functions joined by {@code ,} or {@code |}, each
	 * feeding the next
	 * @throws FunctionNotFound if a name is not published or a function does not take
	 * what the previous one answers
	 */
	List<PublishedFunction> resolve(String definition) {
		List<PublishedFunction> functions = new ArrayList<>();
		for (String name : SEPARATORS.split(definition, -1)) {
			if (name.isEmpty()) {
				throw new FunctionNotFound(
						"No function '" + definition + "': a name is empty; join function names with , or |");
			}
			PublishedFunction function = find(name)
				.orElseThrow(() -> new FunctionNotFound("No function '" + name + "'; GET /functions lists them"));
			PublishedFunction previous = functions.isEmpty() ? null : functions.get(functions.size() - 1);
			if (previous != null && !previous.feeds(function)) {
				throw new FunctionNotFound("No function '" + definition + "': " + previous.name() + " answers "
						+ PublishedFunction.simpleName(previous.outputType()) + ", which " + name + " does not take");
			}
			functions.add(function);
		}
		return functions;
	}

	/**
	 * Every published function, sorted by name.
	 */
	List<PublishedFunction> all() {
		return this.published.values().stream().sorted((left, right) -> left.name().compareTo(right.name())).toList();
	}

}
