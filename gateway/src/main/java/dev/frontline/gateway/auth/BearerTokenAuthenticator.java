package dev.frontline.gateway.auth;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.proc.BadJOSEException;
import dev.frontline.gateway.web.Causes;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Establishes callers from bearer tokens. A token is verified once by the decoder
 * (signature, algorithm, timestamps, issuer, audience); the caller it names is then
 * remembered under the token until the token expires, so that the same token costs a hash
 * lookup on later requests. Tokens longer than the limit are refused unparsed.
 */
final class BearerTokenAuthenticator {

	private static final Log logger = LogFactory.getLog(BearerTokenAuthenticator.class);

	private final ReactiveJwtDecoder decoder;

	private final int maxTokenLength;

	private final Cache<String, VerifiedToken> verified;

	BearerTokenAuthenticator(ReactiveJwtDecoder decoder, int maxTokenLength, int cacheSize) {
		this.decoder = decoder;
		this.maxTokenLength = maxTokenLength;
		this.verified = Caffeine.newBuilder()
			.maximumSize(cacheSize)
			.expireAfter(Expiry.creating((String token, VerifiedToken entry) -> entry.timeLeft()))
			.recordStats()
			.build();
	}

	/**
	 * The verified tokens, by token.
	 */
	Cache<String, VerifiedToken> verified() {
		return this.verified;
	}

	/**
	 * The caller the token names.
	 * @return the caller, or an {@link AuthenticationFailed} error
	 */
	Mono<Caller> authenticate(String token) {
		if (token.length() > this.maxTokenLength) {
			return Mono
				.error(AuthenticationFailed.invalid("The token is longer than " + this.maxTokenLength + " characters"));
		}
		VerifiedToken known = this.verified.getIfPresent(token);
		if (known != null) {
			return known.answer();
		}
		return this.decoder.decode(token).onErrorMap(BearerTokenAuthenticator::failure).map((jwt) -> {
			Caller caller = Caller.of(jwt);
			remember(token, caller, jwt.getExpiresAt());
			return caller;
		});
	}

	private void remember(String token, Caller caller, @Nullable Instant expiresAt) {
		// A token without an expiry would be trusted for as long as the cache holds it.
		if (expiresAt != null && expiresAt.isAfter(Instant.now())) {
			this.verified.put(token, new VerifiedToken(caller, expiresAt));
		}
	}

	/**
	 * What the client is told about a token the decoder refused: never the exception's
	 * own words, which may quote the token or name internals.
	 */
	static Throwable failure(Throwable ex) {
		if (ex instanceof AuthenticationFailed) {
			return ex;
		}
		if (Causes.causedBy(ex, JwkSetUnavailable.class)) {
			return AuthenticationFailed.unavailable("The keys to verify the token could not be obtained");
		}
		if (ex instanceof JwtValidationException validation) {
			return invalidClaims(validation);
		}
		if (Causes.causedBy(ex, ParseException.class)) {
			return AuthenticationFailed.invalid("The token is malformed");
		}
		if (ex instanceof BadJwtException && ex.getMessage() != null
				&& ex.getMessage().startsWith("Unsupported algorithm")) {
			return AuthenticationFailed.invalid("The token's algorithm is not accepted");
		}
		if (Causes.causedBy(ex, BadJOSEException.class)) {
			return AuthenticationFailed.invalid("The token's signature does not verify with an accepted key");
		}
		if (!(ex instanceof BadJwtException)) {
			logger.debug("Refusing a token the decoder failed on", ex);
		}
		return AuthenticationFailed.invalid("The token is not valid");
	}

	private static AuthenticationFailed invalidClaims(JwtValidationException ex) {
		String expired = null;
		for (OAuth2Error error : ex.getErrors()) {
			if (!ExpiryValidator.ERROR_URI.equals(error.getUri())) {
				// An issuer or audience that is wrong matters more than the time.
				return AuthenticationFailed.invalid(describe(error));
			}
			expired = describe(error);
		}
		return AuthenticationFailed.expired((expired != null) ? expired : "The token is expired");
	}

	private static String describe(OAuth2Error error) {
		String description = error.getDescription();
		return (description != null) ? description.replace('"', '\'').replace('\\', '/') : "The token is not valid";
	}

	/**
	 * A verified token: the caller it names, until it expires.
	 *
	 * @param answer the caller, ready to hand out again
	 * @param expiresAt when the token expires
	 */
	record VerifiedToken(Mono<Caller> answer, Instant expiresAt) {

		VerifiedToken(Caller caller, Instant expiresAt) {
			this(Mono.just(caller), expiresAt);
		}

		Duration timeLeft() {
			Duration left = Duration.between(Instant.now(), this.expiresAt);
			return left.isNegative() ? Duration.ZERO : left;
		}

	}

}
