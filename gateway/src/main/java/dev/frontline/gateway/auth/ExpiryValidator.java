package dev.frontline.gateway.auth;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * Checks {@code exp} and {@code nbf} with {@link JwtTimestampValidator}, and marks its
 * failures so that an expired token is told apart from an invalid one.
 */
final class ExpiryValidator implements OAuth2TokenValidator<Jwt> {

	/** The URI of the errors of this validator. */
	static final String ERROR_URI = "urn:frontline:problem:credentials-expired";

	private final JwtTimestampValidator timestamps;

	private final Duration clockSkew;

	ExpiryValidator(Duration clockSkew) {
		this.timestamps = new JwtTimestampValidator(clockSkew);
		this.clockSkew = clockSkew;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		if (!this.timestamps.validate(jwt).hasErrors()) {
			return OAuth2TokenValidatorResult.success();
		}
		Instant expiresAt = jwt.getExpiresAt();
		boolean expired = expiresAt != null && Instant.now().minus(this.clockSkew).isAfter(expiresAt);
		String description = expired ? "The token expired at " + expiresAt
				: "The token is not valid before " + jwt.getNotBefore();
		return OAuth2TokenValidatorResult
			.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, ERROR_URI));
	}

}
