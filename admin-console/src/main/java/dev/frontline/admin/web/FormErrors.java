package dev.frontline.admin.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.frontline.contract.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * The field errors of a form, as its page shows them: next to the input each belongs to,
 * or at the top of the form, with the field they name, when no input shows that field.
 */
public final class FormErrors {

	private static final FormErrors NONE = new FormErrors(Map.of(), List.of());

	private final Map<String, List<String>> byInput;

	private final List<String> global;

	private FormErrors(Map<String, List<String>> byInput, List<String> global) {
		this.byInput = byInput;
		this.global = global;
	}

	/**
	 * No errors, for a form shown the first time.
	 */
	public static FormErrors none() {
		return NONE;
	}

	/**
	 * The errors of a change, placed by the form's inputs.
	 * @param errors field errors as the API answers them, such as {@code match.path}
	 * @param inputOf the name of the input that shows a field, or {@code null} if none
	 * does
	 */
	public static FormErrors of(List<FieldError> errors, Function<String, @Nullable String> inputOf) {
		Map<String, List<String>> byInput = new LinkedHashMap<>();
		List<String> global = new ArrayList<>();
		for (FieldError error : errors) {
			String input = inputOf.apply(error.field());
			if (input != null) {
				byInput.computeIfAbsent(input, (name) -> new ArrayList<>()).add(message(error));
			}
			else {
				global.add(JsonReadErrors.ROOT.equals(error.field()) ? error.message()
						: error.field() + ": " + error.message());
			}
		}
		return new FormErrors(Map.copyOf(byInput), List.copyOf(global));
	}

	/**
	 * The messages for an input.
	 */
	public List<String> of(String input) {
		return this.byInput.getOrDefault(input, List.of());
	}

	/**
	 * Whether an input has errors.
	 */
	public boolean has(String input) {
		return this.byInput.containsKey(input);
	}

	/**
	 * The messages shown at the top of the form.
	 */
	public List<String> global() {
		return this.global;
	}

	/**
	 * Whether there is any error.
	 */
	public boolean any() {
		return !this.global.isEmpty() || !this.byInput.isEmpty();
	}

	private static String message(FieldError error) {
		// An element of a list input, such as stable.uris[1], names which element.
		int index = error.field().lastIndexOf('[');
		return (index > 0 && error.field().endsWith("]")) ? error.message() + " (" + error.field() + ")"
				: error.message();
	}

}
