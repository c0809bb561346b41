package dev.frontline.admin.web;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reading the text fields of the console's forms the same way on every page.
 */
public final class FormFields {

	private static final String SEPARATORS = "[\\s,]+";

	private FormFields() {
	}

	/**
	 * The field's text without surrounding blanks, or {@code null} if it is empty or
	 * blank.
	 */
	public static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * The items of a field that lists them separated by blanks or commas; none for an
	 * empty field.
	 */
	public static List<String> split(@Nullable String text) {
		String value = blankToNull(text);
		return (value != null) ? Arrays.asList(value.split(SEPARATORS)) : List.of();
	}

}
