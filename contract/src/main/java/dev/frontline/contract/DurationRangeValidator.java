package dev.frontline.contract;

import java.time.Duration;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link DurationRange} durations.
 */
public class DurationRangeValidator implements ConstraintValidator<DurationRange, Duration> {

	private long minMillis;

	private long maxMillis;

	@Override
	public void initialize(DurationRange range) {
		this.minMillis = range.minMillis();
		this.maxMillis = range.maxMillis();
	}

	@Override
	public boolean isValid(Duration value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		return value.compareTo(Duration.ofMillis(this.minMillis)) >= 0
				&& value.compareTo(Duration.ofMillis(this.maxMillis)) <= 0;
	}

}
