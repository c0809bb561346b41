package dev.frontline.functions.identity;

import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.frontline.functions.identity.Caller.AuthMethod;
import org.jspecify.annotations.Nullable;

/**
 * Checks a passport: an ES256 compact JWS by a trusted gateway key (chosen by
 * {@code kid}), issued by {@code frontline-gateway} for this runtime's audience, and
 * current. A gateway reuses a caller's passport for a while, so a passport whose
 * signature, issuer and audience checked out is remembered by its exact text, and only
 * its times are checked again; an ECDSA verification costs more than most functions'
 * work. The request id comes from the {@code rid} claim if the passport has one, else
 * from the request's {@code X-Request-Id}.
 */
class PassportVerifier {

	/**
	 * The issuer every passport names.
	 */
	static final String ISSUER = "frontline-gateway";

	// Far more than a passport needs; parsing stops early on anything bigger.
	static final int MAX_LENGTH = 8192;

	private final Map<String, JWSVerifier> verifiers;

	private final String audience;

	private final Duration clockSkew;

	private final Clock clock;

	private final Cache<String, JWTClaimsSet> verified = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofMinutes(15))
		.build();

	PassportVerifier(Map<String, ECPublicKey> keys, String audience, Duration clockSkew, Clock clock) {
		Map<String, JWSVerifier> verifiers = new LinkedHashMap<>();
		keys.forEach((id, key) -> verifiers.put(id, verifier(id, key)));
		this.verifiers = Map.copyOf(verifiers);
		this.audience = audience;
		this.clockSkew = clockSkew;
		this.clock = clock;
	}

	/**
	 * Verifies a passport.
	 * @param passport the compact JWS
	 * @return the caller it vouches for
	 * @throws PassportInvalid if it is not a current passport of a trusted gateway for
	 * this runtime
	 */
	Caller verify(String passport) {
		return verify(passport, null);
	}

	/**
	 * Verifies a passport of a request.
	 * @param passport the compact JWS
	 * @param requestId the request's {@code X-Request-Id}, for a passport without
	 * {@code rid}; {@code null} if it has none
	 * @return the caller it vouches for
	 * @throws PassportInvalid if it is not a current passport of a trusted gateway for
	 * this runtime
	 */
	Caller verify(String passport, @Nullable String requestId) {
		if (passport.length() > MAX_LENGTH) {
			throw new PassportInvalid("The passport is longer than " + MAX_LENGTH + " characters");
		}
		try {
			JWTClaimsSet claims = this.verified.getIfPresent(passport);
			if (claims == null) {
				claims = read(passport);
				this.verified.put(passport, claims);
			}
			checkTimes(claims);
			return caller(claims, requestId);
		}
		catch (PassportInvalid ex) {
			throw ex;
		}
		catch (ParseException | JOSEException | RuntimeException ex) {
			// The passport is whatever arrived in a header: any failure to read it means
			// it
			// is not one, never a server error.
			throw new PassportInvalid("The passport is not a well-formed signed JWT");
		}
	}

	private JWTClaimsSet read(String passport) throws ParseException, JOSEException {
		SignedJWT jwt = SignedJWT.parse(passport);
		JWSHeader header = jwt.getHeader();
		if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
			throw new PassportInvalid(
					"The passport is signed with " + header.getAlgorithm() + "; only ES256 is accepted");
		}
		String keyId = header.getKeyID();
		if (keyId == null) {
			throw new PassportInvalid("The passport does not name its key (kid)");
		}
		JWSVerifier verifier = this.verifiers.get(keyId);
		if (verifier == null) {
			throw new PassportInvalid(
					"The passport is signed with key '" + keyId + "', which this runtime does not trust");
		}
		if (!jwt.verify(verifier)) {
			throw new PassportInvalid("The passport's signature does not match key '" + keyId + "'");
		}
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		checkIssuerAndAudience(claims);
		return claims;
	}

	private void checkIssuerAndAudience(JWTClaimsSet claims) {
		if (!ISSUER.equals(claims.getIssuer())) {
			throw new PassportInvalid("The passport is not issued by " + ISSUER);
		}
		if (!claims.getAudience().contains(this.audience)) {
			throw new PassportInvalid("The passport is not meant for " + this.audience);
		}
	}

	private void checkTimes(JWTClaimsSet claims) {
		Instant now = this.clock.instant();
		Instant expiry = instant(claims.getExpirationTime(), "exp");
		if (now.isAfter(expiry.plus(this.clockSkew))) {
			throw new PassportInvalid("The passport expired at " + expiry);
		}
		Instant issued = instant(claims.getIssueTime(), "iat");
		if (issued.isAfter(now.plus(this.clockSkew))) {
			throw new PassportInvalid("The passport is issued in the future, at " + issued);
		}
		Date notBefore = claims.getNotBeforeTime();
		if (notBefore != null && notBefore.toInstant().isAfter(now.plus(this.clockSkew))) {
			throw new PassportInvalid("The passport is not valid before " + notBefore.toInstant());
		}
	}

	private static Caller caller(JWTClaimsSet claims, @Nullable String requestId) throws ParseException {
		String auth = required(claims, "auth");
		AuthMethod method = AuthMethod.ofClaim(auth);
		// Gateways forward clients; only the runtime itself calls as a timer.
		if (method == null || method == AuthMethod.TIMER) {
			throw new PassportInvalid("The passport names an unknown authentication method '" + auth + "'");
		}
		String scope = claims.getStringClaim("scope");
		Set<String> scopes = (scope != null)
				? Arrays.stream(scope.split("\\s+")).filter((s) -> !s.isEmpty()).collect(Collectors.toSet()) : Set.of();
		String rid = claims.getStringClaim("rid");
		if (rid == null || rid.isBlank()) {
			rid = (requestId != null && !requestId.isBlank()) ? requestId : "none";
		}
		return new Caller(required(claims, "sub"), scopes, claims.getStringClaim("client_id"), method, rid,
				required(claims, "gid"));
	}

	private static String required(JWTClaimsSet claims, String name) throws ParseException {
		String value = claims.getStringClaim(name);
		if (value == null || value.isBlank()) {
			throw new PassportInvalid("The passport has no '" + name + "' claim");
		}
		return value;
	}

	private static Instant instant(@Nullable Date date, String claim) {
		if (date == null) {
			throw new PassportInvalid("The passport has no '" + claim + "' claim");
		}
		return date.toInstant();
	}

	private static JWSVerifier verifier(String id, ECPublicKey key) {
		try {
			return new ECDSAVerifier(key);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Passport key '" + id + "' cannot verify ES256 signatures", ex);
		}
	}

}
