package dev.frontline.admin.release;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.frontline.admin.web.FormFields;
import dev.frontline.contract.CanaryTarget.StickyKey;
import dev.frontline.contract.DurationJson;
import dev.frontline.contract.FieldError;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import org.jspecify.annotations.Nullable;

/**
 * The form that starts a release, as the browser sends it. It makes the same
 * {@link NewRelease} the API takes, which {@link ReleaseChecks} checks.
 *
 * @param routeId the route to release
 * @param canaryUris the canary target's URIs, separated by spaces, commas or lines
 * @param canaryFunction the canary target's function definition
 * @param steps the weights, separated by commas, such as {@code 5, 25, 50, 100}
 * @param interval how long each step runs, such as {@code 5m}
 * @param mode {@code auto} or {@code manual}
 * @param sticky {@code user}, {@code cookie} or {@code none}
 * @param overrides whether callers may force a side; absent (an unchecked box) for no
 * @param variantHeader whether responses name the side that served them; absent (an
 * unchecked box) for no
 * @param maxErrorRate see {@link Analysis}
 * @param maxP99Ms see {@link Analysis}
 * @param maxErrorRateDelta see {@link Analysis}
 * @param maxP99Ratio see {@link Analysis}
 * @param minRequestsPerStep see {@link Analysis}
 * @param failureThreshold see {@link Analysis}
 */
record ReleaseForm(@Nullable String routeId, @Nullable String canaryUris, @Nullable String canaryFunction,
		@Nullable String steps, @Nullable String interval, @Nullable String mode, @Nullable String sticky,
		@Nullable Boolean overrides, @Nullable Boolean variantHeader, @Nullable String maxErrorRate,
		@Nullable String maxP99Ms, @Nullable String maxErrorRateDelta, @Nullable String maxP99Ratio,
		@Nullable String minRequestsPerStep, @Nullable String failureThreshold) {

	/**
	 * Which input shows the errors of which field of a request; the longest prefix wins.
	 */
	private static final Map<String, String> INPUTS = Map.ofEntries(Map.entry("routeId", "routeId"),
			Map.entry("canary", "canaryUris"), Map.entry("canary.uris", "canaryUris"),
			Map.entry("canary.function", "canaryFunction"), Map.entry("steps", "steps"),
			Map.entry("interval", "interval"), Map.entry("mode", "mode"), Map.entry("sticky", "sticky"),
			Map.entry("analysis.maxErrorRate", "maxErrorRate"), Map.entry("analysis.maxP99Ms", "maxP99Ms"),
			Map.entry("analysis.maxErrorRateDelta", "maxErrorRateDelta"),
			Map.entry("analysis.maxP99Ratio", "maxP99Ratio"),
			Map.entry("analysis.minRequestsPerStep", "minRequestsPerStep"),
			Map.entry("analysis.failureThreshold", "failureThreshold"));

	/**
	 * The form for a release of the given route, with the default steps and thresholds,
	 * and the canary on the route's stable runtime.
	 */
	static ReleaseForm defaults(@Nullable RouteRule route) {
		Analysis defaults = Analysis.DEFAULTS;
		return new ReleaseForm((route != null) ? route.id() : "",
				(route != null) ? String.join("\n", route.stable().uris()) : "", "", "5, 25, 50, 100", "5m", "auto",
				"user", false, true, number(defaults.maxErrorRate()), number(defaults.maxP99Ms()),
				number(defaults.maxErrorRateDelta()), number(defaults.maxP99Ratio()),
				String.valueOf(defaults.minRequestsPerStep()), String.valueOf(defaults.failureThreshold()));
	}

	/**
	 * The input that shows the errors of a field of a request, such as {@code steps} for
	 * {@code steps[2]}; {@code null} for a field the form does not show.
	 */
	static @Nullable String inputOf(String field) {
		String best = null;
		for (String prefix : INPUTS.keySet()) {
			if ((field.equals(prefix) || field.startsWith(prefix + ".") || field.startsWith(prefix + "["))
					&& (best == null || prefix.length() > best.length())) {
				best = prefix;
			}
		}
		return (best != null) ? INPUTS.get(best) : null;
	}

	/**
	 * The request this form makes, checked only for what a browser form cannot express in
	 * types (such as a number that is not one); {@link ReleaseChecks} checks the rest.
	 */
	Parsed toRequest() {
		List<FieldError> errors = new ArrayList<>();
		Target canary = new Target(FormFields.split(this.canaryUris),
				(this.canaryFunction != null) ? this.canaryFunction.strip() : "");
		List<@Nullable Integer> weights = steps(errors);
		Duration duration = null;
		if (FormFields.blankToNull(this.interval) != null) {
			try {
				duration = DurationJson.parse(this.interval.strip());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("interval", "must be a duration such as 30s, 5m or 1h"));
			}
		}
		ReleaseMode releaseMode = constant(ReleaseMode.class, "mode", this.mode, errors);
		StickyKey stickyKey = constant(StickyKey.class, "sticky", this.sticky, errors);
		NewRelease.Thresholds thresholds = new NewRelease.Thresholds(
				decimal("analysis.maxErrorRate", this.maxErrorRate, errors),
				decimal("analysis.maxP99Ms", this.maxP99Ms, errors),
				decimal("analysis.maxErrorRateDelta", this.maxErrorRateDelta, errors),
				decimal("analysis.maxP99Ratio", this.maxP99Ratio, errors),
				whole("analysis.minRequestsPerStep", this.minRequestsPerStep, errors),
				wholeInt("analysis.failureThreshold", this.failureThreshold, errors));
		if (!errors.isEmpty()) {
			return new Parsed(null, errors);
		}
		return new Parsed(new NewRelease(FormFields.blankToNull(this.routeId), canary, stickyKey,
				Boolean.TRUE.equals(this.overrides), Boolean.TRUE.equals(this.variantHeader), weights, duration,
				releaseMode, thresholds), List.of());
	}

	private @Nullable List<@Nullable Integer> steps(List<FieldError> errors) {
		String text = FormFields.blankToNull(this.steps);
		if (text == null) {
			return null;
		}
		List<@Nullable Integer> weights = new ArrayList<>();
		for (String step : FormFields.split(text)) {
			try {
				weights.add(Integer.valueOf(step));
			}
			catch (NumberFormatException ex) {
				errors
					.add(new FieldError("steps", "must be whole numbers separated by commas, such as 5, 25, 50, 100"));
				return null;
			}
		}
		return weights;
	}

	private static <E extends Enum<E>> @Nullable E constant(Class<E> type, String field, @Nullable String label,
			List<FieldError> errors) {
		String value = FormFields.blankToNull(label);
		if (value == null) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
				return constant;
			}
		}
		errors.add(new FieldError(field,
				"must be one of " + Arrays.stream(type.getEnumConstants())
					.map((constant) -> constant.name().toLowerCase(Locale.ROOT))
					.reduce((one, other) -> one + ", " + other)
					.orElse("")));
		return null;
	}

	private static @Nullable Double decimal(String field, @Nullable String text, List<FieldError> errors) {
		String value = FormFields.blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			return Double.valueOf(value);
		}
		catch (NumberFormatException ex) {
			errors.add(new FieldError(field, "must be a number"));
			return null;
		}
	}

	private static @Nullable Long whole(String field, @Nullable String text, List<FieldError> errors) {
		String value = FormFields.blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			return Long.valueOf(value);
		}
		catch (NumberFormatException ex) {
			errors.add(new FieldError(field, "must be a whole number"));
			return null;
		}
	}

	private static @Nullable Integer wholeInt(String field, @Nullable String text, List<FieldError> errors) {
		String value = FormFields.blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			errors.add(new FieldError(field, "must be a whole number"));
			return null;
		}
	}

	private static String number(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/**
	 * A form read into a request.
	 *
	 * @param request the request; {@code null} if the form could not be read
	 * @param errors why the form could not be read; empty if it was
	 */
	record Parsed(@Nullable NewRelease request, List<FieldError> errors) {

	}

}
