package dev.frontline.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConfigSnapshotTests {

	private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	private static final Validator validator = factory.getValidator();

	@AfterAll
	static void close() {
		factory.close();
	}

	private static RouteRule fullRule() {
		return new RouteRule("mobile-home", "Home page for the app",
				new RouteMatch("/api/m/home", Set.of("GET"), List.of("*.example.com"),
						List.of(new HeaderCondition("X-App", "ios|android"))),
				10,
				new AuthPolicy(AuthPolicy.Mode.SCOPES, List.of("home:read"), AuthPolicy.ScopeMatch.ANY, true, false),
				new RateLimitPolicy(RateLimitPolicy.KeyType.HEADER, "X-Client", 100, Duration.ofMinutes(1), 150),
				Duration.ofMillis(2500), new RetryPolicy(2, Duration.ofMillis(50)),
				new Target(List.of("http://localhost:8090", "http://localhost:8094"), "homePage|mobileView"),
				new CanaryTarget(Target.of("http://localhost:8092", "homePage|mobileView"), 25,
						CanaryTarget.StickyKey.COOKIE, true, false));
	}

	@Test
	void roundTripsThroughJson() {
		ConfigSnapshot snapshot = ConfigSnapshot.of(7, Instant.parse("2026-11-21T10:15:30Z"), "alice",
				List.of(fullRule()));
		String json = ConfigJson.write(snapshot);
		assertThat(ConfigJson.readSnapshot(json)).isEqualTo(snapshot);
	}

	@Test
	void writesReadableDurationsAndLowerCaseEnums() {
		String json = ConfigJson.write(ConfigSnapshot.of(1, Instant.EPOCH, "system", List.of(fullRule())));
		assertThat(json).contains("\"timeout\":\"2500ms\"", "\"period\":\"1m\"", "\"backoff\":\"50ms\"",
				"\"mode\":\"scopes\"", "\"key\":\"header\"", "\"sticky\":\"cookie\"",
				"\"createdAt\":\"1970-01-01T00:00:00Z\"");
	}

	@Test
	void readsDurationsInEveryAcceptedForm() {
		String json = """
				{"id":"r","match":{"path":"/a"},"timeout":%s,"stable":{"uris":["http://x"],"function":"f"}}""";
		assertThat(ConfigJson.mapper().readValue(json.formatted("\"PT3S\""), RouteRule.class).timeout())
			.isEqualTo(Duration.ofSeconds(3));
		assertThat(ConfigJson.mapper().readValue(json.formatted("750"), RouteRule.class).timeout())
			.isEqualTo(Duration.ofMillis(750));
		assertThat(ConfigJson.mapper().readValue(json.formatted("\"2m\""), RouteRule.class).timeout())
			.isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void rejectsUnreadableDuration() {
		String json = """
				{"id":"r","match":{"path":"/a"},"timeout":"soon","stable":{"uris":["http://x"],"function":"f"}}""";
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> ConfigJson.mapper().readValue(json, RouteRule.class))
			.withMessageContaining("timeout");
	}

	@Test
	void ignoresUnknownPropertiesFromNewerControlPlanes() {
		String json = """
				{"id":"r","futureField":1,"match":{"path":"/a"},"stable":{"uris":["http://x"],"function":"f"}}""";
		assertThat(ConfigJson.mapper().readValue(json, RouteRule.class).id()).isEqualTo("r");
	}

	@Test
	void hashesEqualContentEquallyWhateverTheVersion() {
		ConfigSnapshot first = ConfigSnapshot.of(1, Instant.EPOCH, "a", List.of(fullRule()));
		ConfigSnapshot second = ConfigSnapshot.of(9, Instant.now(), "b", List.of(fullRule()));
		assertThat(first.hash()).startsWith("sha256:").isEqualTo(second.hash());
		assertThat(ConfigSnapshot.of(1, Instant.EPOCH, "a", List.of(fullRule().withId("other"))).hash())
			.isNotEqualTo(first.hash());
	}

	@Test
	void rejectsDuplicateRouteIds() {
		ConfigSnapshot snapshot = ConfigSnapshot.of(1, Instant.EPOCH, "a", List.of(fullRule(), fullRule()));
		assertThat(ConfigViolations.of(validator, snapshot)).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("routes[1].id");
			assertThat(error.message()).contains("duplicate", "routes[0]");
		});
	}

	@Test
	void rejectsSnapshotWhoseHashDoesNotMatchItsRoutes() {
		ConfigSnapshot snapshot = new ConfigSnapshot(1, Instant.EPOCH, "a", "sha256:00", List.of(fullRule()));
		assertThat(ConfigViolations.of(validator, snapshot)).extracting(FieldError::field).containsExactly("hash");
	}

	@Test
	void validatesEveryRouteOfTheSnapshot() {
		RouteRule bad = fullRule().withId("Bad");
		ConfigSnapshot snapshot = ConfigSnapshot.of(1, Instant.EPOCH, "a", List.of(bad));
		assertThat(ConfigViolations.of(validator, snapshot)).extracting(FieldError::field)
			.containsExactly("routes[0].id");
	}

	@Test
	void hashesTheDefaultRateLimitWithTheContent() {
		RateLimitPolicy limit = new RateLimitPolicy(RateLimitPolicy.KeyType.CLIENT_IP, null, 100, Duration.ofSeconds(1),
				200);
		ConfigSnapshot without = ConfigSnapshot.of(1, Instant.EPOCH, "a", List.of(fullRule()));
		ConfigSnapshot with = ConfigSnapshot.of(1, Instant.EPOCH, "a", List.of(fullRule()), List.of(), limit);
		assertThat(with.hash()).isNotEqualTo(without.hash());
		assertThat(without.hash()).isEqualTo(ConfigSnapshot.contentHash(List.of(fullRule())));
		assertThat(ConfigJson.readSnapshot(ConfigJson.write(with))).isEqualTo(with);
		assertThat(ConfigViolations.of(validator, with)).isEmpty();
	}

	@Test
	void validatesTheDefaultRateLimit() {
		RateLimitPolicy limit = new RateLimitPolicy(RateLimitPolicy.KeyType.CLIENT_IP, null, 100, Duration.ofSeconds(1),
				50);
		ConfigSnapshot snapshot = ConfigSnapshot.of(1, Instant.EPOCH, "a", List.of(), List.of(), limit);
		assertThat(ConfigViolations.of(validator, snapshot)).extracting(FieldError::field)
			.containsExactly("defaultRateLimit.burst");
	}

	@Test
	void findsRoutesById() {
		ConfigSnapshot snapshot = ConfigSnapshot.of(1, Instant.EPOCH, "a", List.of(fullRule()));
		assertThat(snapshot.route("mobile-home")).isPresent();
		assertThat(snapshot.route("nope")).isEmpty();
	}

}
