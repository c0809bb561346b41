package dev.frontline.admin.release;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import dev.frontline.admin.catalogue.CompositionChecks;
import dev.frontline.admin.catalogue.CompositionReport;
import dev.frontline.contract.CanaryTarget.StickyKey;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.ConfigViolations;
import dev.frontline.contract.DurationJson;
import dev.frontline.contract.FieldError;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Checks a requested release and reports every problem against the request's fields, such
 * as {@code steps[2]} or {@code analysis.maxErrorRate}. The canary target is checked like
 * a route's target, its function composition included.
 */
@Component
class ReleaseChecks {

	static final int MAX_STEPS = 20;

	static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

	static final Duration MAX_INTERVAL = Duration.ofHours(1);

	/** Hibernate Validator's container element nodes, which mean nothing to a client. */
	private static final Pattern CONTAINER_NODE = Pattern.compile("\\.<[a-z ]+>|\\[\\]");

	private static final String COMPOSED_FUNCTION = "stable.function";

	private final Validator validator;

	private final CompositionChecks compositions;

	ReleaseChecks(Validator validator, CompositionChecks compositions) {
		this.validator = validator;
		this.compositions = compositions;
	}

	/**
	 * The plan of a valid request, with the warnings of checks that could not be made.
	 * @param current the snapshot the route must be in
	 * @throws InvalidRelease with every problem of the request
	 */
	Checked check(NewRelease request, ConfigSnapshot current) {
		List<FieldError> errors = new ArrayList<>();
		RouteRule route = route(request.routeId(), current, errors);
		Target canary = canary(request.canary(), errors);
		List<Integer> steps = steps(request.steps(), errors);
		Duration interval = interval(request.interval(), errors);
		Analysis analysis = analysis(request.analysis(), errors);
		List<String> warnings = List.of();
		if (route != null && canary != null) {
			// Checked as the stable target of a copy of the route, so that the stable
			// target's runtime is not asked too.
			CompositionReport composition = this.compositions.check(route.withStable(canary).withCanary(null));
			composition.errors()
				.stream()
				.filter((error) -> error.field().equals(COMPOSED_FUNCTION))
				.forEach((error) -> errors.add(new FieldError("canary.function", error.message())));
			warnings = composition.warnings();
		}
		if (!errors.isEmpty() || route == null || canary == null || interval == null) {
			throw new InvalidRelease(errors.stream()
				.distinct()
				.sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
				.toList());
		}
		StickyKey sticky = (request.sticky() != null) ? request.sticky() : StickyKey.USER;
		ReleasePlan plan = new ReleasePlan(route.id(), canary, sticky, Boolean.TRUE.equals(request.overrides()),
				!Boolean.FALSE.equals(request.variantHeader()), steps, interval,
				(request.mode() != null) ? request.mode() : ReleaseMode.AUTO, analysis);
		return new Checked(plan, warnings);
	}

	private static @Nullable RouteRule route(@Nullable String routeId, ConfigSnapshot current,
			List<FieldError> errors) {
		if (routeId == null || routeId.isBlank()) {
			errors.add(new FieldError("routeId", "must not be blank"));
			return null;
		}
		RouteRule route = current.route(routeId).orElse(null);
		if (route == null) {
			errors.add(new FieldError("routeId",
					"names no route of the current config (version " + current.version() + ")"));
		}
		return route;
	}

	private @Nullable Target canary(@Nullable Target canary, List<FieldError> errors) {
		if (canary == null) {
			errors.add(new FieldError("canary", "must not be null"));
			return null;
		}
		List<FieldError> targetErrors = ConfigViolations.of(this.validator, canary);
		targetErrors.forEach((error) -> errors
			.add(new FieldError("canary." + CONTAINER_NODE.matcher(error.field()).replaceAll(""), error.message())));
		return targetErrors.isEmpty() ? canary : null;
	}

	private static List<Integer> steps(@Nullable List<@Nullable Integer> steps, List<FieldError> errors) {
		if (steps == null || steps.isEmpty()) {
			errors.add(new FieldError("steps", "must not be empty"));
			return List.of();
		}
		if (steps.size() > MAX_STEPS) {
			errors.add(new FieldError("steps", "must have at most " + MAX_STEPS + " steps"));
		}
		List<Integer> valid = new ArrayList<>();
		Integer previous = null;
		for (int i = 0; i < steps.size(); i++) {
			Integer step = steps.get(i);
			String field = "steps[" + i + "]";
			if (step == null) {
				errors.add(new FieldError(field, "must not be null"));
				continue;
			}
			if (step < 1 || step > 100) {
				errors.add(new FieldError(field, "must be between 1 and 100"));
			}
			else if (previous != null && step <= previous) {
				errors.add(new FieldError(field, "must be greater than the step before (" + previous + ")"));
			}
			previous = step;
			valid.add(step);
		}
		Integer last = steps.get(steps.size() - 1);
		if (last == null || last != 100) {
			errors.add(new FieldError("steps", "must end with 100"));
		}
		return valid;
	}

	private static @Nullable Duration interval(@Nullable Duration interval, List<FieldError> errors) {
		if (interval == null) {
			errors.add(new FieldError("interval", "must not be null"));
			return null;
		}
		if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
			errors.add(new FieldError("interval", "must be between " + DurationJson.format(MIN_INTERVAL) + " and "
					+ DurationJson.format(MAX_INTERVAL)));
		}
		return interval;
	}

	private static Analysis analysis(NewRelease.@Nullable Thresholds requested, List<FieldError> errors) {
		Analysis defaults = Analysis.DEFAULTS;
		if (requested == null) {
			return defaults;
		}
		double maxErrorRate = share("maxErrorRate", requested.maxErrorRate(), defaults.maxErrorRate(), errors);
		double maxP99Ms = positive("maxP99Ms", requested.maxP99Ms(), defaults.maxP99Ms(), errors);
		double maxErrorRateDelta = share("maxErrorRateDelta", requested.maxErrorRateDelta(),
				defaults.maxErrorRateDelta(), errors);
		double maxP99Ratio = positive("maxP99Ratio", requested.maxP99Ratio(), defaults.maxP99Ratio(), errors);
		long minRequests = (requested.minRequestsPerStep() != null) ? requested.minRequestsPerStep()
				: defaults.minRequestsPerStep();
		if (minRequests < 1) {
			errors.add(new FieldError("analysis.minRequestsPerStep", "must be greater than 0"));
		}
		int failureThreshold = (requested.failureThreshold() != null) ? requested.failureThreshold()
				: defaults.failureThreshold();
		if (failureThreshold < 1) {
			errors.add(new FieldError("analysis.failureThreshold", "must be greater than 0"));
		}
		return new Analysis(maxErrorRate, maxP99Ms, maxErrorRateDelta, maxP99Ratio, minRequests, failureThreshold);
	}

	private static double share(String name, @Nullable Double value, double fallback, List<FieldError> errors) {
		if (value == null) {
			return fallback;
		}
		if (!(value >= 0 && value <= 1)) {
			errors.add(new FieldError("analysis." + name, "must be between 0 and 1"));
		}
		return value;
	}

	private static double positive(String name, @Nullable Double value, double fallback, List<FieldError> errors) {
		if (value == null) {
			return fallback;
		}
		if (!(value > 0) || value.isInfinite()) {
			errors.add(new FieldError("analysis." + name, "must be greater than 0"));
		}
		return value;
	}

	/**
	 * A checked request.
	 *
	 * @param plan what to start
	 * @param warnings what could not be checked, such as the function composition of a
	 * runtime that was unreachable
	 */
	record Checked(ReleasePlan plan, List<String> warnings) {

	}

}
