package dev.frontline.admin.catalogue;

import java.util.List;

import dev.frontline.contract.FieldError;

/**
 * What checking the function compositions of routes found.
 *
 * @param errors compositions that do not fit their runtime's catalogue, against the
 * fields that define them (such as {@code stable.function}); a write with errors must
 * change nothing
 * @param warnings why some compositions could not be checked, such as
 * {@code function catalogue of http://localhost:8090 unreachable; composition not checked};
 * a write goes ahead despite them, and tells the caller
 */
public record CompositionReport(List<FieldError> errors, List<String> warnings) {

	/** Nothing found: what a disabled check reports. */
	public static final CompositionReport NONE = new CompositionReport(List.of(), List.of());

	public CompositionReport {
		errors = List.copyOf(errors);
		warnings = List.copyOf(warnings);
	}

}
