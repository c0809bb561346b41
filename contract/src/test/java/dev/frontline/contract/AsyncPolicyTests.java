package dev.frontline.contract;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncPolicyTests {

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
	void defaultsToThreeRetriesWithinSixHours() {
		AsyncPolicy policy = ConfigJson.mapper().readValue("{}", AsyncPolicy.class);
		assertThat(policy).isEqualTo(AsyncPolicy.defaults());
		assertThat(policy.retries()).isEqualTo(3);
		assertThat(policy.maxEventAge()).isEqualTo(Duration.ofHours(6));
		assertThat(policy.always()).isFalse();
	}

	@Test
	void refusesRetriesAndAgesOutOfRange() {
		AsyncPolicy policy = new AsyncPolicy(true, 11, Duration.ofMillis(10), Duration.ofDays(8), null, null);
		assertThat(errors(policy)).extracting(FieldError::field)
			.containsExactlyInAnyOrder("retries", "maxEventAge", "resultTtl");
	}

	@Test
	void destinationNamesExactlyOneOfACallbackAndAFunction() {
		assertThat(errors(new AsyncPolicy.Destination(null, null))).extracting(FieldError::field)
			.containsExactly("callbackUrl");
		assertThat(errors(new AsyncPolicy.Destination("http://hooks.example.com/done", "audit")))
			.extracting(FieldError::field)
			.containsExactly("callbackUrl");
		assertThat(errors(new AsyncPolicy.Destination("ftp://nowhere", null))).extracting(FieldError::field)
			.containsExactly("callbackUrl");
		assertThat(errors(new AsyncPolicy.Destination(null, "audit|archive"))).isEmpty();
	}

	@Test
	void routesCarryTheirPolicyThroughJsonAndFallBackToTheDefaults() {
		RouteRule rule = RouteRule.of("orders", RouteMatch.of("/api/orders", "POST"),
				Target.of("http://localhost:8090", "placeOrder"));
		assertThat(rule.async()).isNull();
		assertThat(rule.asyncPolicy()).isEqualTo(AsyncPolicy.defaults());
		RouteRule async = rule.withAsync(new AsyncPolicy(true, 5, Duration.ofMinutes(30), Duration.ofMinutes(10),
				new AsyncPolicy.Destination("http://hooks.example.com/done", null),
				new AsyncPolicy.Destination(null, "orderFailed")));
		String json = ConfigJson.mapper().writeValueAsString(async);
		assertThat(json).contains("\"maxEventAge\":\"30m\"");
		assertThat(ConfigJson.mapper().readValue(json, RouteRule.class)).isEqualTo(async);
		assertThat(errors(async)).isEmpty();
	}

	@Test
	void reportsNestedFieldErrorsUnderTheRoute() {
		RouteRule rule = RouteRule
			.of("orders", RouteMatch.of("/api/orders", "POST"), Target.of("http://localhost:8090", "placeOrder"))
			.withAsync(new AsyncPolicy(false, -1, null, null, new AsyncPolicy.Destination(null, null), null));
		assertThat(errors(rule)).extracting(FieldError::field)
			.containsExactlyInAnyOrder("async.retries", "async.onSuccess.callbackUrl");
	}

}
