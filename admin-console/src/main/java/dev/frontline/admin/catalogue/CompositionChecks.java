package dev.frontline.admin.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.frontline.contract.CanaryTarget;
import dev.frontline.contract.FieldError;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import jakarta.validation.Validator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Checks the function definitions of routes, such as {@code homePage|mobileView}, against
 * the catalogue of the function runtime each target names (its first URI): every function
 * must be in the catalogue, and each function's output must fit the next one's input (see
 * {@link CatalogedFunction#feeds} for the rule).
 * <p>
 * A runtime whose catalogue cannot be fetched does not block the operator: its targets
 * are not checked, and the report says so in a warning. Targets that break the config's
 * own constraints are not checked either; those constraints report them.
 */
public class CompositionChecks {

	/** How many known function names an error lists at most. */
	private static final int MAX_LISTED = 30;

	private static final Log log = LogFactory.getLog(CompositionChecks.class);

	private final FunctionCatalogues catalogues;

	private final Validator validator;

	private final boolean enabled;

	CompositionChecks(FunctionCatalogues catalogues, Validator validator, boolean enabled) {
		this.catalogues = catalogues;
		this.validator = validator;
		this.enabled = enabled;
	}

	/**
	 * Checks the targets of one written route; errors name the route's fields, such as
	 * {@code stable.function} and {@code canary.target.function}.
	 */
	public CompositionReport check(RouteRule route) {
		Findings findings = new Findings();
		if (this.enabled) {
			check(route, "", findings);
		}
		return findings.report();
	}

	/**
	 * Checks the targets of every route of a snapshot about to be published; errors name
	 * the snapshot's fields, such as {@code routes[2].stable.function}.
	 */
	public CompositionReport checkAll(List<RouteRule> routes) {
		Findings findings = new Findings();
		if (this.enabled) {
			for (int i = 0; i < routes.size(); i++) {
				check(routes.get(i), "routes[" + i + "].", findings);
			}
		}
		return findings.report();
	}

	private void check(RouteRule route, String prefix, Findings findings) {
		check(route.stable(), prefix + "stable.function", findings);
		CanaryTarget canary = route.canary();
		if (canary != null) {
			check(canary.target(), prefix + "canary.target.function", findings);
		}
	}

	private void check(@Nullable Target target, String field, Findings findings) {
		if (target == null || !this.validator.validate(target).isEmpty()) {
			return;
		}
		String uri = target.uris().get(0);
		Optional<FunctionCatalogue> fetched = findings.catalogue(uri);
		if (fetched.isEmpty()) {
			return;
		}
		FunctionCatalogue catalogue = fetched.get();
		@Nullable CatalogedFunction previous = null;
		for (String name : target.functions()) {
			Optional<CatalogedFunction> function = catalogue.find(name);
			if (function.isEmpty()) {
				findings.error(field,
						"function '" + name + "' is not in the catalogue of " + uri + "; known: " + known(catalogue));
				previous = null;
				continue;
			}
			if (previous != null && !previous.feeds(function.get())) {
				findings.error(field, "function '" + previous.name() + "' answers " + previous.output()
						+ ", which function '" + name + "' does not take: it takes " + function.get().input());
			}
			previous = function.get();
		}
	}

	private static String known(FunctionCatalogue catalogue) {
		List<String> names = catalogue.names();
		if (names.isEmpty()) {
			return "none";
		}
		String listed = String.join(", ", names.subList(0, Math.min(names.size(), MAX_LISTED)));
		return (names.size() > MAX_LISTED) ? listed + ", ..." : listed;
	}

	/**
	 * What one check found so far, and the catalogues it fetched, so that a runtime that
	 * several targets name is asked once, even when it is down.
	 */
	private final class Findings {

		private final Map<String, Optional<FunctionCatalogue>> catalogues = new HashMap<>();

		private final List<FieldError> errors = new ArrayList<>();

		private final Set<String> warnings = new LinkedHashSet<>();

		Optional<FunctionCatalogue> catalogue(String uri) {
			return this.catalogues.computeIfAbsent(uri, this::fetch);
		}

		private Optional<FunctionCatalogue> fetch(String uri) {
			try {
				return Optional.of(CompositionChecks.this.catalogues.fetch(uri));
			}
			catch (CatalogueUnreachable ex) {
				log.warn(ex.getMessage() + "; accepting the change without checking its function composition");
				this.warnings.add("function catalogue of " + uri + " unreachable; composition not checked");
				return Optional.empty();
			}
		}

		void error(String field, String message) {
			this.errors.add(new FieldError(field, message));
		}

		CompositionReport report() {
			return new CompositionReport(this.errors, List.copyOf(this.warnings));
		}

	}

}
