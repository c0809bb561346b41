package dev.frontline.contract;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyTests {

	private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	private static final Validator validator = factory.getValidator();

	@AfterAll
	static void close() {
		factory.close();
	}

	private static List<FieldError> errors(Object value) {
		return ConfigViolations.of(validator, value);
	}

	@Test
	void requiresScopesWhenModeIsScopes() {
		AuthPolicy policy = new AuthPolicy(AuthPolicy.Mode.SCOPES, List.of(), null, false, false);
		assertThat(errors(policy)).extracting(FieldError::field).containsExactly("scopes");
	}

	@Test
	void refusesScopesOnPublicRoutes() {
		AuthPolicy policy = new AuthPolicy(AuthPolicy.Mode.PUBLIC, List.of("orders:read"), null, false, false);
		assertThat(errors(policy)).extracting(FieldError::field).containsExactly("scopes");
	}

	@Test
	void acceptsScopedPolicy() {
		AuthPolicy policy = new AuthPolicy(AuthPolicy.Mode.SCOPES, List.of("orders:read"), AuthPolicy.ScopeMatch.ANY,
				true, false);
		assertThat(errors(policy)).isEmpty();
	}

	@Test
	void requiresHeaderNameForHeaderKeyedLimits() {
		RateLimitPolicy policy = new RateLimitPolicy(RateLimitPolicy.KeyType.HEADER, null, 10, Duration.ofSeconds(1),
				10);
		assertThat(errors(policy)).extracting(FieldError::field).containsExactly("header");
	}

	@Test
	void requiresBurstAtLeastPermits() {
		RateLimitPolicy policy = new RateLimitPolicy(RateLimitPolicy.KeyType.USER, null, 10, Duration.ofSeconds(1), 5);
		assertThat(errors(policy)).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("burst");
			assertThat(error.message()).contains("10");
		});
	}

	@Test
	void defaultsBurstToPermits() {
		RateLimitPolicy policy = new RateLimitPolicy(RateLimitPolicy.KeyType.USER, null, 10, Duration.ofSeconds(1), 0);
		assertThat(policy.burst()).isEqualTo(10);
		assertThat(errors(policy)).isEmpty();
	}

	@Test
	void rejectsNonPositivePermitsAndPeriod() {
		RateLimitPolicy policy = new RateLimitPolicy(RateLimitPolicy.KeyType.USER, null, -1, Duration.ZERO, 1);
		assertThat(errors(policy)).extracting(FieldError::field).contains("permits", "period");
	}

	@Test
	void findsTheOverrideOfAClient() {
		RateLimitPolicy policy = new RateLimitPolicy(RateLimitPolicy.KeyType.API_KEY, null, 10, Duration.ofSeconds(1),
				10, List.of(new RateLimitPolicy.ClientOverride("partner-app", 100, 0)));
		assertThat(errors(policy)).isEmpty();
		assertThat(policy.overrideFor("partner-app")).hasValueSatisfying((override) -> {
			assertThat(override.permits()).isEqualTo(100);
			assertThat(override.burst()).isEqualTo(100);
		});
		assertThat(policy.overrideFor("other")).isEmpty();
		assertThat(policy.overrideFor(null)).isEmpty();
	}

	@Test
	void rejectsBadAndDuplicateOverrides() {
		RateLimitPolicy policy = new RateLimitPolicy(RateLimitPolicy.KeyType.API_KEY, null, 10, Duration.ofSeconds(1),
				10,
				List.of(new RateLimitPolicy.ClientOverride("partner-app", 100, 50),
						new RateLimitPolicy.ClientOverride("partner-app", 5, 5),
						new RateLimitPolicy.ClientOverride("", 0, 0)));
		assertThat(errors(policy)).extracting(FieldError::field)
			.containsExactlyInAnyOrder("overrides[0].burst", "overrides[1].client", "overrides[2].client",
					"overrides[2].permits", "overrides[2].burst");
	}

	@Test
	void keepsUserTextOutOfMessageInterpolation() {
		HeaderCondition condition = new HeaderCondition("X-A", "${1+1}[");
		assertThat(errors(condition)).singleElement()
			.satisfies((error) -> assertThat(error.message()).startsWith("is not a valid regular expression"));
	}

}
