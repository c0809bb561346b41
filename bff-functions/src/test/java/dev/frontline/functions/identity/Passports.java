package dev.frontline.functions.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * Signs passports as a gateway does, with a private key from {@code src/test/resources}.
 */
public final class Passports {

	/**
	 * The development key, which the runtime trusts by default as {@code frontline-dev}.
	 */
	public static final Passports DEV = load("frontline-dev", "passport/dev-signing-key.pem");

	/**
	 * A second key, trusted as {@code next} where tests configure key rotation.
	 */
	public static final Passports NEXT = load("next", "passport/next-signing-key.pem");

	/**
	 * A key nobody trusts, that claims to be {@code frontline-dev}.
	 */
	public static final Passports STRANGER = load("frontline-dev", "passport/stranger-signing-key.pem");

	private final String keyId;

	private final ECPrivateKey key;

	private Passports(String keyId, ECPrivateKey key) {
		this.keyId = keyId;
		this.key = key;
	}

	/**
	 * A passport for a user who signed in with a token.
	 */
	public Draft user(String subject, String... scopes) {
		return new Draft(this, subject, String.join(" ", scopes), "jwt");
	}

	/**
	 * A passport for a caller without credentials.
	 */
	public Draft anonymous() {
		return new Draft(this, "anonymous", "", "anonymous");
	}

	private static Passports load(String keyId, String resource) {
		try (InputStream in = Passports.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No " + resource);
			}
			String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
			byte[] der = Base64.getMimeDecoder()
				.decode(pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", ""));
			return new Passports(keyId,
					(ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)));
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A passport about to be signed; by default valid for 30 seconds from now, for
	 * {@code frontline-functions}, from {@code frontline-gateway}.
	 */
	public static final class Draft {

		private final Passports signer;

		private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();

		private String keyId;

		private Instant issuedAt = Instant.now();

		private Duration lifetime = Duration.ofSeconds(30);

		private Draft(Passports signer, String subject, String scope, String auth) {
			this.signer = signer;
			this.keyId = signer.keyId;
			this.claims.issuer("frontline-gateway")
				.audience("frontline-functions")
				.subject(subject)
				.claim("scope", scope)
				.claim("auth", auth)
				.claim("rid", "req-1")
				.claim("gid", "gw-1");
		}

		public Draft claim(String name, @Nullable Object value) {
			this.claims.claim(name, value);
			return this;
		}

		public Draft audience(String... audiences) {
			this.claims.audience(List.of(audiences));
			return this;
		}

		public Draft issuer(String issuer) {
			this.claims.issuer(issuer);
			return this;
		}

		public Draft keyId(String keyId) {
			this.keyId = keyId;
			return this;
		}

		public Draft issuedAt(Instant issuedAt) {
			this.issuedAt = issuedAt;
			return this;
		}

		public Draft lifetime(Duration lifetime) {
			this.lifetime = lifetime;
			return this;
		}

		public String sign() {
			try {
				return sign(JWSAlgorithm.ES256, new ECDSASigner(this.signer.key));
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * The same claims signed with HS256, as if a secret were the key.
		 */
		public String signWithHmac(String secret) {
			try {
				return sign(JWSAlgorithm.HS256, new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private String sign(JWSAlgorithm algorithm, JWSSigner signer) throws JOSEException {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(this.keyId).build(), claims());
			jwt.sign(signer);
			return jwt.serialize();
		}

		private JWTClaimsSet claims() {
			return this.claims.issueTime(Date.from(this.issuedAt))
				.expirationTime(Date.from(this.issuedAt.plus(this.lifetime)))
				.build();
		}

		/**
		 * The same claims with {@code "alg":"none"} and no signature.
		 */
		public String unsigned() {
			Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
			List<String> parts = new ArrayList<>();
			parts.add(base64.encodeToString(
					("{\"alg\":\"none\",\"kid\":\"" + this.keyId + "\"}").getBytes(StandardCharsets.UTF_8)));
			parts.add(base64.encodeToString(claims().toPayload().toString().getBytes(StandardCharsets.UTF_8)));
			return String.join(".", parts) + ".";
		}

	}

}
