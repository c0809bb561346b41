package dev.frontline.admin.catalogue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The functions a function runtime publishes, as its {@code GET /functions} lists them.
 *
 * @param functions the runtime's functions
 */
record FunctionCatalogue(List<CatalogedFunction> functions) {

	FunctionCatalogue {
		functions = List.copyOf(functions);
	}

	/**
	 * The function of the given name, if the runtime publishes one.
	 */
	Optional<CatalogedFunction> find(String name) {
		return this.functions.stream().filter((function) -> name.equals(function.name())).findFirst();
	}

	/**
	 * The names of the runtime's functions, sorted.
	 */
	List<String> names() {
		return this.functions.stream().map(CatalogedFunction::name).filter(Objects::nonNull).sorted().toList();
	}

}
