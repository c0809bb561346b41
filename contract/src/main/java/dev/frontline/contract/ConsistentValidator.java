package dev.frontline.contract;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Validates {@link Consistent} values by asking them for their problems.
 */
public class ConsistentValidator implements ConstraintValidator<Consistent, SelfChecking> {

	@Override
	public boolean isValid(SelfChecking value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		boolean[] valid = { true };
		value.checkConsistency((field, message) -> {
			if (valid[0]) {
				context.disableDefaultConstraintViolation();
				valid[0] = false;
			}
			context.buildConstraintViolationWithTemplate(Messages.literal(message))
				.addPropertyNode(field)
				.addConstraintViolation();
		});
		return valid[0];
	}

}
