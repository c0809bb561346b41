package dev.frontline.gateway.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints JWTs for tests, good and bad ones. Claims start as a token of user {@code alice}
 * issued now for one hour; a customizer changes them.
 */
public final class Tokens {

	/** The HMAC secret of local development, which the gateway accepts by default. */
	public static final String DEVELOPMENT_SECRET = "frontline-local-development-secret-do-not-use-in-prod";

	private Tokens() {
	}

	/**
	 * Claims of a token of the given user, issued now, expiring in an hour.
	 */
	public static JWTClaimsSet.Builder claims(String subject) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().subject(subject)
			.issuer("frontline-local")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofHours(1))));
	}

	/**
	 * An HS256 token signed with the development secret.
	 */
	public static String hs256(Consumer<JWTClaimsSet.Builder> claims) {
		return hs256(DEVELOPMENT_SECRET.getBytes(StandardCharsets.UTF_8), claims);
	}

	/**
	 * An HS256 token signed with the given secret.
	 */
	public static String hs256(byte[] secret, Consumer<JWTClaimsSet.Builder> claims) {
		try {
			return sign(new JWSHeader(JWSAlgorithm.HS256), new MACSigner(secret), claims);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An RS256 token signed with the given key, naming its key id.
	 */
	public static String rs256(RSAKey key, Consumer<JWTClaimsSet.Builder> claims) {
		try {
			return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), new RSASSASigner(key),
					claims);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An ES256 token signed with the given key, naming its key id.
	 */
	public static String es256(ECKey key, Consumer<JWTClaimsSet.Builder> claims) {
		try {
			return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), new ECDSASigner(key),
					claims);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An unsigned token: algorithm {@code none}.
	 */
	public static String unsigned(Consumer<JWTClaimsSet.Builder> claims) {
		JWTClaimsSet.Builder builder = claims("alice");
		claims.accept(builder);
		return new PlainJWT(builder.build()).serialize();
	}

	/**
	 * A token with the given raw header and payload JSON, and a made-up signature.
	 */
	public static String raw(String headerJson, String payloadJson) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		return encoder.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
				+ encoder.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
	}

	/**
	 * A new RSA key with the given key id.
	 */
	public static RSAKey rsaKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A new EC P-256 key with the given key id.
	 */
	public static ECKey ecKey(String keyId) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(JWSHeader header, JWSSigner signer, Consumer<JWTClaimsSet.Builder> claims)
			throws JOSEException {
		JWTClaimsSet.Builder builder = claims("alice");
		claims.accept(builder);
		SignedJWT jwt = new SignedJWT(header, builder.build());
		jwt.sign(signer);
		return jwt.serialize();
	}

}
