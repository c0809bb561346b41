package dev.frontline.gateway.auth;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway signs the passports it forwards to function runtimes.
 *
 * @param keyId the key id ({@code kid}) named in each passport, by which function
 * runtimes pick the public key to verify it; default {@code frontline-dev}
 * @param signingKey the EC P-256 private key, as PKCS#8 PEM text or a {@code file:} or
 * {@code classpath:} location of it; default
 * {@value PassportProperties#DEVELOPMENT_SIGNING_KEY}, for local development only
 * @param audience the audience ({@code aud}) of each passport; default
 * {@code frontline-functions}
 * @param ttl how long a passport is valid after it is signed; default 30 s
 */
@ConfigurationProperties("frontline.passport")
@Validated
public record PassportProperties(@DefaultValue("frontline-dev") @NotBlank String keyId,
		@DefaultValue(DEVELOPMENT_SIGNING_KEY) @NotBlank String signingKey,
		@DefaultValue("frontline-functions") @NotBlank String audience,
		@DefaultValue("30s") @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 10) Duration ttl) {

	/** The signing key of local development, refused under the {@code prod} profile. */
	public static final String DEVELOPMENT_SIGNING_KEY = "classpath:passport/dev-signing-key.pem";

}
