package dev.frontline.admin.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.ConfigViolations;
import dev.frontline.contract.FieldError;
import dev.frontline.contract.HeaderCondition;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Checks a written route rule, and the snapshot it would make, and reports every problem
 * against the fields of the written rule (such as {@code match.path}).
 */
@Component
class RouteRuleChecks {

	/** Hibernate Validator's container element nodes, which mean nothing to a client. */
	private static final Pattern CONTAINER_NODE = Pattern.compile("\\.<[a-z ]+>|\\[\\]");

	private final Validator validator;

	RouteRuleChecks(Validator validator) {
		this.validator = validator;
	}

	/**
	 * Every problem of the route at the given index of the routes of the next snapshot,
	 * ordered by field.
	 */
	List<FieldError> check(List<RouteRule> routes, int index) {
		RouteRule route = routes.get(index);
		List<FieldError> errors = new ArrayList<>();
		ConfigViolations.of(this.validator, route).forEach((error) -> errors.add(clean(error)));
		// Only a route valid on its own is checked within the snapshot: making a snapshot
		// writes each route as JSON, and a value out of every range, such as a timeout of
		// a billion days, cannot even be written.
		if (errors.isEmpty()) {
			ConfigSnapshot next = ConfigSnapshot.of(0, Instant.EPOCH, "check", routes);
			String prefix = "routes[" + index + "].";
			for (FieldError error : ConfigViolations.of(this.validator, next)) {
				FieldError cleaned = clean(error);
				errors.add(cleaned.field().startsWith(prefix)
						? new FieldError(cleaned.field().substring(prefix.length()), cleaned.message()) : cleaned);
			}
		}
		errors.addAll(shadowing(routes, index));
		return errors.stream()
			.distinct()
			.sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
			.toList();
	}

	/**
	 * Two routes that match the same requests make one of them unreachable, whatever
	 * their order.
	 */
	private List<FieldError> shadowing(List<RouteRule> routes, int index) {
		RouteRule route = routes.get(index);
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < routes.size(); i++) {
			RouteRule other = routes.get(i);
			if (i != index && !Objects.equals(other.id(), route.id()) && sameRequests(route.match(), other.match())) {
				errors.add(new FieldError("match.path", "matches the same requests as route '" + other.id()
						+ "'; the one matched later would never be reached"));
			}
		}
		return errors;
	}

	private static boolean sameRequests(@Nullable RouteMatch one, @Nullable RouteMatch other) {
		if (one == null || other == null || one.path() == null || !one.path().equals(other.path())) {
			return false;
		}
		boolean methodsOverlap = one.methods().isEmpty() || other.methods().isEmpty() || one.methods()
			.stream()
			.anyMatch((method) -> other.methods().stream().anyMatch((candidate) -> Objects.equals(method, candidate)));
		return methodsOverlap && lowerCase(one.hosts()).equals(lowerCase(other.hosts()))
				&& headers(one).equals(headers(other));
	}

	private static Set<@Nullable String> lowerCase(List<@Nullable String> values) {
		return values.stream().map(RouteRuleChecks::lowerCase).collect(Collectors.toSet());
	}

	private static Set<List<@Nullable String>> headers(RouteMatch match) {
		Set<List<@Nullable String>> headers = new HashSet<>();
		for (HeaderCondition header : match.headers()) {
			headers.add((header != null) ? Arrays.asList(lowerCase(header.name()), header.regex()) : List.of());
		}
		return headers;
	}

	private static @Nullable String lowerCase(@Nullable String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	private static FieldError clean(FieldError error) {
		return new FieldError(CONTAINER_NODE.matcher(error.field()).replaceAll(""), error.message());
	}

}
