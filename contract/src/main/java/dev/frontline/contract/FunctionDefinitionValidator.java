package dev.frontline.contract;

import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link FunctionDefinition} strings.
 */
public class FunctionDefinitionValidator implements ConstraintValidator<FunctionDefinition, String> {

	private static final String NAME = "[A-Za-z_][A-Za-z0-9_]{0,99}";

	private static final Pattern DEFINITION = Pattern.compile(NAME + "(\\|" + NAME + "){0,9}");

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || DEFINITION.matcher(value).matches();
	}

}
