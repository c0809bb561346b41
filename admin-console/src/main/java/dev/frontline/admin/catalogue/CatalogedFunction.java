package dev.frontline.admin.catalogue;

import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a function runtime's catalogue. Only {@code name} is required; fields the
 * console does not know are ignored, and the ones it knows may be missing, so that
 * runtimes of other versions can be checked too.
 *
 * @param name the function's name, as used in function definitions
 * @param inputType the simple name of the type the function takes, such as
 * {@code CallerQuery}
 * @param outputType the simple name of the type the function answers with, such as
 * {@code HomePage} (for a function returning {@code Mono<HomePage>})
 * @param description what the function answers
 * @param inputJavaType the fully-qualified name of the type the function takes
 * @param outputJavaType the fully-qualified name of the type the function answers with
 * @param acceptsAnyInput whether the function takes any JSON, as the runtime judges it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CatalogedFunction(@Nullable String name, @Nullable String inputType, @Nullable String outputType,
		@Nullable String description, @Nullable String inputJavaType, @Nullable String outputJavaType,
		@Nullable Boolean acceptsAnyInput) {

	/** Inputs that take any JSON, by simple name, for runtimes that do not say. */
	private static final Set<String> ANY_JSON = Set.of("Object", "Map", "JsonNode");

	/** Package qualifiers, which a comparison of simple names ignores. */
	private static final Pattern PACKAGE = Pattern.compile("(?<![A-Za-z0-9_$])(?:[a-z_][A-Za-z0-9_]*\\.)+");

	private static final Pattern BLANKS = Pattern.compile("\\s+");

	/**
	 * An entry with simple type names only, as older runtimes list them.
	 */
	CatalogedFunction(String name, @Nullable String inputType, @Nullable String outputType) {
		this(name, inputType, outputType, null, null, null, null);
	}

	/**
	 * Whether this function's output fits the next function's input in a composition such
	 * as {@code homePage|mobileView}. This is the function runtime's own rule, so that
	 * the console accepts exactly the compositions the runtime will run:
	 * <ol>
	 * <li>a function that takes any JSON is fed by every function. The runtime says so in
	 * {@code acceptsAnyInput} (its input is {@code Object}, a {@code Map} or a
	 * {@code JsonNode}); when a catalogue does not say, an input named {@code Object},
	 * {@code Map} or {@code JsonNode} (with any generic arguments) counts as such.
	 * {@code String} does not: the runtime does not hand a function its input as
	 * text;</li>
	 * <li>otherwise the type this function answers must be the type the next one takes:
	 * their fully-qualified names ({@code outputJavaType}, {@code inputJavaType}) must be
	 * equal, generic arguments included. When a catalogue lists simple names only, those
	 * are compared, without package qualifiers;</li>
	 * <li>a type that the catalogue does not name at all fits anything: nothing can be
	 * decided without it, and the runtime checks the composition again when it is
	 * called.</li>
	 * </ol>
	 * Blanks never matter, so {@code Map<String,Object>} equals
	 * {@code Map<String, Object>}. A {@code Mono} counts as its value and a {@code Flux}
	 * as an array ({@code Product[]}), as the runtime lists them.
	 */
	boolean feeds(CatalogedFunction next) {
		if (next.takesAnyJson()) {
			return true;
		}
		if (this.outputJavaType != null && next.inputJavaType != null) {
			return withoutBlanks(this.outputJavaType).equals(withoutBlanks(next.inputJavaType));
		}
		if (this.outputType == null || next.inputType == null) {
			return true;
		}
		return simpleName(this.outputType).equals(simpleName(next.inputType));
	}

	/**
	 * The type this function answers with, for people.
	 */
	@Nullable String output() {
		return (this.outputType != null) ? this.outputType : this.outputJavaType;
	}

	/**
	 * The type this function takes, for people.
	 */
	@Nullable String input() {
		return (this.inputType != null) ? this.inputType : this.inputJavaType;
	}

	private boolean takesAnyJson() {
		if (this.acceptsAnyInput != null) {
			return this.acceptsAnyInput;
		}
		String input = (this.inputType != null) ? this.inputType : this.inputJavaType;
		if (input == null) {
			return false;
		}
		String simple = simpleName(input);
		int arguments = simple.indexOf('<');
		return ANY_JSON.contains((arguments >= 0) ? simple.substring(0, arguments) : simple);
	}

	private static String simpleName(String typeName) {
		return PACKAGE.matcher(withoutBlanks(typeName)).replaceAll("");
	}

	private static String withoutBlanks(String typeName) {
		return BLANKS.matcher(typeName).replaceAll("");
	}

}
