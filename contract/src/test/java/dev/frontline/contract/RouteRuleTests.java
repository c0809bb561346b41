package dev.frontline.contract;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RouteRuleTests {

	private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	private static final Validator validator = factory.getValidator();

	@AfterAll
	static void close() {
		factory.close();
	}

	static RouteRule valid() {
		return RouteRule.of("mobile-home", RouteMatch.of("/api/m/home", "GET"),
				Target.of("http://localhost:8090", "homePage|mobileView"));
	}

	private static List<String> fieldsWithErrors(Object value) {
		return ConfigViolations.of(validator, value).stream().map(FieldError::field).toList();
	}

	@Test
	void acceptsAValidRule() {
		assertThat(ConfigViolations.of(validator, valid())).isEmpty();
	}

	@Test
	void fillsDefaultsForMissingPolicies() {
		RouteRule rule = new RouteRule("r", null, RouteMatch.of("/a"), 0, null, null, null, null,
				Target.of("http://localhost:8090", "f"), null);
		assertThat(rule.auth().mode()).isEqualTo(AuthPolicy.Mode.AUTHENTICATED);
		assertThat(rule.timeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(rule.retry().attempts()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Upper", "-leading-dash", "has space", "under_score",
			"a-very-long-id-that-goes-on-and-on-past-the-sixty-three-character-limit" })
	void rejectsBadIds(String id) {
		assertThat(fieldsWithErrors(valid().withId(id))).containsOnly("id");
	}

	@ParameterizedTest
	@ValueSource(strings = { "api/no-slash", "/a//b", "/a/**/b", "/a/{unclosed", "/a/{1bad}", "/a/{id:[}", "/a b",
			"/a/../b", "/a/{*rest}/b" })
	void rejectsBadPathPatterns(String path) {
		RouteRule rule = new RouteRule("r", null, RouteMatch.of(path), 0, null, null, null, null,
				Target.of("http://localhost:8090", "f"), null);
		assertThat(fieldsWithErrors(rule)).containsExactly("match.path");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/api/products/{id}", "/static/**", "/files/{*path}", "/v{version:\\d+}/items",
			"/api/*.json", "/api/m/home/" })
	void acceptsPathPatterns(String path) {
		RouteRule rule = new RouteRule("r", null, RouteMatch.of(path), 0, null, null, null, null,
				Target.of("http://localhost:8090", "f"), null);
		assertThat(ConfigViolations.of(validator, rule)).isEmpty();
	}

	@Test
	void rejectsUnknownMethodsAndBadHostsAndHeaders() {
		RouteMatch match = new RouteMatch("/a", Set.of("GET", "FETCH"), List.of("bad host"),
				List.of(new HeaderCondition("X Bad", null), new HeaderCondition("X-Ok", "[unclosed")));
		RouteRule rule = new RouteRule("r", null, match, 0, null, null, null, null,
				Target.of("http://localhost:8090", "f"), null);
		assertThat(fieldsWithErrors(rule)).containsExactlyInAnyOrder("match.methods[].<iterable element>",
				"match.hosts[0].<list element>", "match.headers[0].name", "match.headers[1].regex");
	}

	@Test
	void normalizesMethodsToUpperCase() {
		assertThat(RouteMatch.of("/a", "get", "Post").methods()).containsExactly("GET", "POST");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "ftp://host", "localhost:8090", "/relative", "http://", "http://host?q=1", "http://user@host" })
	void rejectsNonHttpTargetUris(String uri) {
		assertThat(fieldsWithErrors(valid().withStable(Target.of(uri, "product"))))
			.containsExactly("stable.uris[0].<list element>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "home page", "homePage|", "|homePage", "homePage||mobileView", "homePage,mobileView",
			"9lives" })
	void rejectsBadFunctionDefinitions(String function) {
		assertThat(fieldsWithErrors(valid().withStable(Target.of("http://localhost:8090", function))))
			.containsExactly("stable.function");
	}

	@Test
	void splitsComposedDefinitionsIntoFunctions() {
		assertThat(Target.of("http://x", "homePage|mobileView").functions()).containsExactly("homePage", "mobileView");
	}

	@Test
	void rejectsTargetWithoutUris() {
		assertThat(fieldsWithErrors(valid().withStable(new Target(List.of(), "f")))).containsExactly("stable.uris");
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 101 })
	void rejectsCanaryWeightsOutsidePercentRange(int weight) {
		RouteRule rule = valid().withCanary(CanaryTarget.of(Target.of("http://localhost:8092", "homePage"), weight));
		assertThat(fieldsWithErrors(rule)).containsExactly("canary.weight");
	}

	@Test
	void defaultsCanaryToUserStickinessWithVariantHeader() {
		CanaryTarget canary = new CanaryTarget(Target.of("http://localhost:8092", "f"), 5, null, false, null);
		assertThat(canary.sticky()).isEqualTo(CanaryTarget.StickyKey.USER);
		assertThat(canary.variantHeader()).isTrue();
	}

	@Test
	void rejectsTimeoutsOutsideRange() {
		RouteRule zero = new RouteRule("r", null, RouteMatch.of("/a"), 0, null, null, Duration.ZERO, null,
				Target.of("http://localhost:8090", "f"), null);
		RouteRule huge = new RouteRule("r", null, RouteMatch.of("/a"), 0, null, null, Duration.ofHours(1), null,
				Target.of("http://localhost:8090", "f"), null);
		assertThat(fieldsWithErrors(zero)).containsExactly("timeout");
		assertThat(fieldsWithErrors(huge)).containsExactly("timeout");
	}

	@Test
	void rejectsRetryBackoffNotShorterThanTimeout() {
		RouteRule rule = new RouteRule("r", null, RouteMatch.of("/a"), 0, null, null, Duration.ofSeconds(1),
				new RetryPolicy(2, Duration.ofSeconds(1)), Target.of("http://localhost:8090", "f"), null);
		assertThat(fieldsWithErrors(rule)).containsExactly("retry.backoff");
	}

	@Test
	void rejectsTooManyRetries() {
		RouteRule rule = new RouteRule("r", null, RouteMatch.of("/a"), 0, null, null, null, new RetryPolicy(6, null),
				Target.of("http://localhost:8090", "f"), null);
		assertThat(fieldsWithErrors(rule)).containsExactly("retry.attempts");
	}

	@Test
	void reportsEveryErrorAtOnce() {
		RouteRule rule = new RouteRule("Bad Id", null, RouteMatch.of("no-slash"), 0, null, null, null, null,
				Target.of("ftp://x", "bad def"), CanaryTarget.of(Target.of("http://x", "f"), 200));
		assertThat(fieldsWithErrors(rule)).containsExactlyInAnyOrder("id", "match.path",
				"stable.uris[0].<list element>", "stable.function", "canary.weight");
	}

}
