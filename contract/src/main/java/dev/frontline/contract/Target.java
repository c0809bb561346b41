package dev.frontline.contract;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Where a route sends its requests: a function runtime and a function definition on it.
 *
 * @param uris base URIs of one or more instances of a function runtime (absolute http or
 * https); the gateway balances between them
 * @param function a function definition such as {@code product} or
 * {@code homePage|mobileView}
 */
public record Target(@NotNull @Size(min = 1, max = 20) List<@NotNull @HttpUri String> uris,
		@NotNull @FunctionDefinition String function) {

	public Target {
		uris = (uris != null) ? List.copyOf(uris) : List.of();
	}

	/**
	 * A target on one instance.
	 */
	public static Target of(String uri, String function) {
		return new Target(List.of(uri), function);
	}

	/**
	 * The names of the composed functions, in order.
	 */
	public List<String> functions() {
		return List.of(this.function.split("\\|"));
	}

}
