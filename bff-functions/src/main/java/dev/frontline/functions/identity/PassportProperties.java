package dev.frontline.functions.identity;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How passports are verified ({@code frontline.passport.*}).
 *
 * @param verificationKeys the gateway public keys that passports may be signed with, by
 * key id (the passport's {@code kid}): each a PEM {@code PUBLIC KEY} (P-256), inline or
 * as a {@code classpath:} or {@code file:} location. List the old and the new key while
 * gateways change keys. Default, when none is configured:
 * {@code frontline-dev: classpath:passport/dev-public-key.pem}, the development key,
 * which the {@code prod} profile refuses
 * @param audience the audience a passport must name in {@code aud}; default
 * {@code frontline-functions}
 * @param clockSkew how far the gateway's clock may be off from this runtime's when
 * checking {@code exp} and {@code iat}; default 5 seconds, at most 5 minutes
 */
@ConfigurationProperties("frontline.passport")
@Validated
public record PassportProperties(@DefaultValue Map<@NotBlank String, @NotBlank String> verificationKeys,
		@DefaultValue(DEFAULT_AUDIENCE) @NotBlank String audience,
		@DefaultValue("5s") @DurationMin(seconds = 0) @DurationMax(minutes = 5) Duration clockSkew) {

	static final String DEFAULT_AUDIENCE = "frontline-functions";

	static final String DEVELOPMENT_KEY_ID = "frontline-dev";

	static final String DEVELOPMENT_KEY_LOCATION = "classpath:passport/dev-public-key.pem";

	// The development key is a default, not an entry in application.yaml: maps from
	// several
	// property sources are merged, so a listed key could not be taken out by configuring
	// other ones.
	public PassportProperties {
		verificationKeys = verificationKeys.isEmpty() ? Map.of(DEVELOPMENT_KEY_ID, DEVELOPMENT_KEY_LOCATION)
				: Map.copyOf(verificationKeys);
	}

}
