package dev.frontline.gateway.auth;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BearerTokenAuthenticatorTests {

	private final AtomicInteger decoded = new AtomicInteger();

	@Test
	void remembersAVerifiedTokenUntilItExpires() {
		BearerTokenAuthenticator authenticator = authenticator((token) -> jwt(Instant.now().plusSeconds(60)));
		assertThat(authenticator.authenticate("token").block().subject()).isEqualTo("alice");
		assertThat(authenticator.authenticate("token").block().subject()).isEqualTo("alice");
		assertThat(this.decoded).hasValue(1);
	}

	@Test
	void remembersNoTokenWithoutAnExpiry() {
		BearerTokenAuthenticator authenticator = authenticator((token) -> jwt(null));
		authenticator.authenticate("token").block();
		authenticator.authenticate("token").block();
		assertThat(this.decoded).hasValue(2);
	}

	@Test
	void refusesAnOverlongTokenWithoutDecodingIt() {
		BearerTokenAuthenticator authenticator = authenticator((token) -> jwt(null));
		assertThatExceptionOfType(AuthenticationFailed.class)
			.isThrownBy(() -> authenticator.authenticate("x".repeat(101)).block())
			.withMessage("The token is longer than 100 characters");
		assertThat(this.decoded).hasValue(0);
	}

	@Test
	void tellsAnExpiredTokenFromAnInvalidOne() {
		OAuth2Error expired = new OAuth2Error("invalid_token", "The token expired at 2026-01-01T00:00:00Z",
				ExpiryValidator.ERROR_URI);
		OAuth2Error issuer = new OAuth2Error("invalid_token", "The iss claim is not valid", null);
		assertThat(failure(new JwtValidationException("expired", List.of(expired))))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(AuthenticationFailed.Reason.EXPIRED_TOKEN))
			.hasMessage("The token expired at 2026-01-01T00:00:00Z");
		assertThat(failure(new JwtValidationException("both", List.of(expired, issuer))))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(AuthenticationFailed.Reason.INVALID_TOKEN))
			.hasMessage("The iss claim is not valid");
	}

	@Test
	void describesDecodingFailuresWithoutTheWordsOfTheException() {
		assertThat(failure(new BadJwtException("An error occurred: Invalid JSON: {\"secret\"",
				new ParseException("Invalid JSON", 0))))
			.hasMessage("The token is malformed");
		assertThat(failure(new BadJwtException("Unsupported algorithm of none")))
			.hasMessage("The token's algorithm is not accepted");
		assertThat(failure(new IllegalStateException("internal detail"))).hasMessage("The token is not valid");
		assertThat(failure(new IllegalStateException("Could not obtain the keys", new JwkSetUnavailable("down"))))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(AuthenticationFailed.Reason.KEYS_UNAVAILABLE));
	}

	private static AuthenticationFailed failure(Throwable ex) {
		return (AuthenticationFailed) BearerTokenAuthenticator.failure(ex);
	}

	private BearerTokenAuthenticator authenticator(java.util.function.Function<String, Jwt> decode) {
		ReactiveJwtDecoder decoder = (token) -> Mono.fromSupplier(() -> {
			this.decoded.incrementAndGet();
			return decode.apply(token);
		});
		return new BearerTokenAuthenticator(decoder, 100, 1000);
	}

	private static Jwt jwt(Instant expiresAt) {
		Jwt.Builder jwt = Jwt.withTokenValue("token")
			.header("alg", "HS256")
			.subject("alice")
			.issuedAt(Instant.now().minus(Duration.ofMinutes(1)));
		if (expiresAt != null) {
			jwt.expiresAt(expiresAt);
		}
		return jwt.build();
	}

}
