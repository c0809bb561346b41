package dev.frontline.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorsPolicyTests {

	private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	private static final Validator validator = factory.getValidator();

	@AfterAll
	static void close() {
		factory.close();
	}

	private static List<String> fields(Object value) {
		return ConfigViolations.of(validator, value).stream().map(FieldError::field).toList();
	}

	@Test
	void acceptsOriginsAndWildcardSubdomains() {
		assertThat(fields(
				CorsPolicy.allowing("https://shop.example.com", "https://*.example.com", "http://localhost:3000", "*")))
			.isEmpty();
	}

	@Test
	void defaultsToCommonHeadersAndHalfAnHourOfPreflightCache() {
		CorsPolicy policy = CorsPolicy.allowing("https://shop.example.com");
		assertThat(policy.allowedHeaders()).containsExactly("Authorization", "Content-Type");
		assertThat(policy.maxAge()).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void rejectsMalformedOriginsAndMethods() {
		CorsPolicy policy = new CorsPolicy(List.of("shop.example.com", "https://a.com/path"), List.of("FETCH"), null,
				null, false, null);
		assertThat(fields(policy)).containsExactlyInAnyOrder("allowedOrigins[0].<list element>",
				"allowedOrigins[1].<list element>", "allowedMethods[0].<list element>");
	}

	@Test
	void refusesCredentialsForAnyOrigin() {
		CorsPolicy policy = new CorsPolicy(List.of("*"), null, null, null, true, null);
		assertThat(fields(policy)).containsExactly("allowedOrigins");
	}

	@Test
	void roundTripsOnARoute() {
		RouteRule rule = RouteRuleTests.valid()
			.withCors(new CorsPolicy(List.of("https://shop.example.com"), List.of("GET"), List.of("*"),
					List.of("X-Request-Id"), true, Duration.ofMinutes(5)));
		ConfigSnapshot snapshot = ConfigSnapshot.of(1, Instant.EPOCH, "a", List.of(rule));
		assertThat(ConfigJson.readSnapshot(ConfigJson.write(snapshot))).isEqualTo(snapshot);
		assertThat(fields(rule)).isEmpty();
	}

}
