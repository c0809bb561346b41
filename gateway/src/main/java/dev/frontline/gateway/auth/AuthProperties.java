package dev.frontline.gateway.auth;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway authenticates callers.
 *
 * @param apiKeyHeader the request header that carries an API key; default
 * {@code X-API-Key}
 * @param tokenCacheSize how many verified bearer tokens are remembered until they expire,
 * so that a repeated token is not verified again; default 100000 entries
 * @param jwt how bearer tokens are verified
 */
@ConfigurationProperties("frontline.gateway.auth")
@Validated
public record AuthProperties(
		@DefaultValue("X-API-Key") @NotBlank @Pattern(regexp = "[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}",
				message = "must be an HTTP header name") String apiKeyHeader,
		@DefaultValue("100000") @Min(0) int tokenCacheSize, @DefaultValue @Valid Jwt jwt) {

	/** The HMAC secret of local development, refused under the {@code prod} profile. */
	public static final String DEVELOPMENT_HMAC_SECRET = "frontline-local-development-secret-do-not-use-in-prod";

	/**
	 * How bearer tokens (JWTs) are verified: with an HMAC secret (HS256), or, once a JWK
	 * set URI is configured, with the public keys it publishes (RS256, ES256) and no
	 * secret.
	 *
	 * @param hmacSecret the HS256 secret, at least 32 characters; used only while no
	 * {@code jwk-set-uri} is configured; default
	 * {@value AuthProperties#DEVELOPMENT_HMAC_SECRET}, for local development only
	 * @param jwkSetUri where the token issuer publishes its public keys (JWKS); default
	 * none
	 * @param jwsAlgorithms the signature algorithms accepted with keys from the JWK set;
	 * default RS256 and ES256
	 * @param issuer the {@code iss} every token must carry; default none (not checked)
	 * @param audiences tokens must name at least one of these in {@code aud}; default
	 * none (not checked)
	 * @param clockSkew tolerance when checking {@code exp} and {@code nbf}; default 30 s
	 * @param maxTokenLength longer tokens are refused before they are parsed; default
	 * 8192 characters
	 * @param jwkSet how the keys of the JWK set are fetched
	 */
	public record Jwt(
			@DefaultValue(DEVELOPMENT_HMAC_SECRET) @NotNull @Size(min = 32,
					message = "must be at least 32 characters (256 bits) for HS256") String hmacSecret,
			@Nullable URI jwkSetUri, @DefaultValue( {
					"RS256", "ES256" }) @NotEmpty List<SignatureAlgorithm> jwsAlgorithms,
			@Nullable String issuer, @DefaultValue List<@NotBlank String> audiences,
			@DefaultValue("30s") @NotNull @DurationMin(millis = 0) Duration clockSkew,
			@DefaultValue("8192") @Min(64) int maxTokenLength, @DefaultValue @Valid JwkSet jwkSet){

		/**
		 * Whether tokens are verified with the keys of a JWK set rather than the HMAC
		 * secret.
		 */
		public boolean usesJwkSet() {
			return this.jwkSetUri != null;
		}

	}

	/**
	 * How the keys of the JWK set are fetched. A token whose key id is not among the keys
	 * held makes the gateway fetch the set again, in case the issuer rotated its keys;
	 * such refetches are rate-limited so that made-up key ids cannot flood the issuer.
	 *
	 * @param refreshInterval how long fetched keys are used before the set is fetched
	 * again; default 5 min
	 * @param minRefetchInterval at most one fetch starts within this time; default 30 s
	 * @param timeout time the issuer has to answer a fetch; default 5 s
	 */
	public record JwkSet(@DefaultValue("5m") @NotNull @DurationMin(seconds = 1) Duration refreshInterval,
			@DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration minRefetchInterval,
			@DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration timeout) {

	}

}
