package dev.frontline.admin.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.frontline.contract.FieldError;
import dev.frontline.contract.HeaderCondition;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteRuleChecksTests {

	private static final ValidatorFactory validators = Validation.buildDefaultValidatorFactory();

	private final RouteRuleChecks checks = new RouteRuleChecks(validators.getValidator());

	@AfterAll
	static void close() {
		validators.close();
	}

	@Test
	void acceptsAValidRoute() {
		assertThat(this.checks.check(List.of(route("a", match("/a", "GET"))), 0)).isEmpty();
	}

	@Test
	void reportsFieldsRelativeToTheRoute() {
		List<RouteRule> routes = List.of(route("a", match("/a", "GET")),
				route("b", match("/b", "FETCH")).withStable(Target.of("ftp://x", "f")));
		assertThat(this.checks.check(routes, 1)).extracting(FieldError::field)
			.containsExactly("match.methods", "stable.uris[0]");
	}

	@Test
	void reportsADuplicateIdAgainstTheRoute() {
		List<RouteRule> routes = List.of(route("a", match("/a", "GET")), route("a", match("/other", "GET")));
		assertThat(this.checks.check(routes, 1)).extracting(FieldError::field).containsExactly("id");
	}

	@Test
	void reportsARouteThatMatchesTheSameRequestsAsAnother() {
		List<RouteRule> routes = List.of(route("a", match("/same", "GET", "POST")), route("b", match("/same", "GET")));
		List<FieldError> errors = this.checks.check(routes, 1);
		assertThat(errors).extracting(FieldError::field).containsExactly("match.path");
		assertThat(errors.get(0).message()).contains("'a'");
	}

	@Test
	void treatsAnyMethodAsOverlappingEveryMethod() {
		List<RouteRule> routes = List.of(route("a", match("/same")), route("b", match("/same", "DELETE")));
		assertThat(this.checks.check(routes, 1)).extracting(FieldError::field).containsExactly("match.path");
	}

	@Test
	void acceptsTheSamePathForOtherMethods() {
		List<RouteRule> routes = List.of(route("a", match("/same", "GET")), route("b", match("/same", "POST")));
		assertThat(this.checks.check(routes, 1)).isEmpty();
	}

	@Test
	void acceptsTheSamePathForOtherHostsOrHeaders() {
		RouteMatch plain = match("/same", "GET");
		RouteMatch otherHost = new RouteMatch("/same", Set.of("GET"), List.of("api.example.com"), List.of());
		RouteMatch withHeader = new RouteMatch("/same", Set.of("GET"), List.of(),
				List.of(new HeaderCondition("X-Beta", null)));
		List<RouteRule> routes = new ArrayList<>(
				List.of(route("a", plain), route("b", otherHost), route("c", withHeader)));
		assertThat(this.checks.check(routes, 1)).isEmpty();
		assertThat(this.checks.check(routes, 2)).isEmpty();
	}

	@Test
	void comparesHostsAndHeaderNamesIgnoringCase() {
		RouteMatch one = new RouteMatch("/same", Set.of(), List.of("API.example.com"),
				List.of(new HeaderCondition("X-Beta", "yes")));
		RouteMatch other = new RouteMatch("/same", Set.of(), List.of("api.example.com"),
				List.of(new HeaderCondition("x-beta", "yes")));
		assertThat(this.checks.check(List.of(route("a", one), route("b", other)), 1)).extracting(FieldError::field)
			.containsExactly("match.path");
	}

	private static RouteMatch match(String path, String... methods) {
		return RouteMatch.of(path, methods);
	}

	private static RouteRule route(String id, RouteMatch match) {
		return RouteRule.of(id, match, Target.of("http://localhost:8090", "product"));
	}

}
