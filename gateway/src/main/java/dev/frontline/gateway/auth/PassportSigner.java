package dev.frontline.gateway.auth;

import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * Signs passports: short-lived ES256 JWTs that tell a function runtime who called through
 * the gateway. Claims: {@code iss} {@value #ISSUER}, {@code aud}, {@code sub},
 * {@code scope} (space-separated, maybe empty), {@code client_id} (when known),
 * {@code auth} ({@code jwt}, {@code api-key} or {@code anonymous}), {@code gid} (the
 * gateway id), {@code iat} and {@code exp}.
 * <p>
 * A passport names a caller, not a request (the request id travels in
 * {@code X-Request-Id}), so one caller's passport is reused for its requests during the
 * first half of its lifetime: an ECDSA signature costs more than the rest of a request's
 * work at the gateway, and a caller's burst of requests now costs one. Every passport a
 * runtime receives is still valid for at least half its lifetime.
 */
final class PassportSigner {

	/** The issuer of every passport. */
	static final String ISSUER = "frontline-gateway";

	private final JWSSigner signer;

	private final JWSHeader header;

	private final String audience;

	private final String gatewayId;

	private final Duration ttl;

	private final Clock clock;

	private final Cache<Caller, Signed> recent = Caffeine.newBuilder().maximumSize(10_000).build();

	/**
	 * A signer of passports.
	 * @param key the EC P-256 private key
	 * @param keyId the key id named in each passport's header
	 * @param audience the audience of each passport
	 * @param gatewayId the id of this gateway
	 * @param ttl how long a passport is valid
	 * @param clock the clock that dates passports
	 * @throws IllegalArgumentException if the key is not on the P-256 curve
	 */
	PassportSigner(ECPrivateKey key, String keyId, String audience, String gatewayId, Duration ttl, Clock clock) {
		// Thread-safe, so one signer serves every request.
		this.signer = new Es256Signer(key);
		this.header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).build();
		this.audience = audience;
		this.gatewayId = gatewayId;
		this.ttl = ttl;
		this.clock = clock;
	}

	/**
	 * A passport for the given caller, in compact form: the one signed for it last if
	 * that is younger than half its lifetime, otherwise a new one.
	 */
	String sign(Caller caller) {
		long now = this.clock.millis();
		Signed last = this.recent.getIfPresent(caller);
		if (last != null && now >= last.issuedAt() && now < last.reuseUntil()) {
			return last.passport();
		}
		Signed fresh = new Signed(signNew(caller, now), now, now + this.ttl.toMillis() / 2);
		this.recent.put(caller, fresh);
		return fresh.passport();
	}

	private String signNew(Caller caller, long now) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(this.audience)
			.subject(caller.subject())
			.claim("scope", caller.scope())
			.claim("auth", caller.method().claim())
			.claim("gid", this.gatewayId)
			.issueTime(new Date(now))
			.expirationTime(new Date(now + this.ttl.toMillis()));
		if (caller.clientId() != null) {
			claims.claim("client_id", caller.clientId());
		}
		SignedJWT passport = new SignedJWT(this.header, claims.build());
		try {
			passport.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign a passport", ex);
		}
		return passport.serialize();
	}

	private record Signed(String passport, long issuedAt, long reuseUntil) {

	}

}
