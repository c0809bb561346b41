package dev.frontline.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;

/**
 * Reads passports the way a function runtime does: with the public key of local
 * development.
 */
public final class Passports {

	private static final ECPublicKey DEVELOPMENT_KEY = developmentKey();

	private Passports() {
	}

	/**
	 * The passport, once its signature is verified.
	 * @throws AssertionError if it is no passport signed with the development key
	 */
	public static SignedJWT verified(String passport) {
		try {
			SignedJWT jwt = SignedJWT.parse(passport);
			if (!jwt.verify(new ECDSAVerifier(DEVELOPMENT_KEY))) {
				throw new AssertionError("The passport's signature does not verify: " + passport);
			}
			return jwt;
		}
		catch (ParseException | JOSEException ex) {
			throw new AssertionError("Not a passport: " + passport, ex);
		}
	}

	private static ECPublicKey developmentKey() {
		try (InputStream in = Passports.class.getResourceAsStream("/passport/dev-public-key.pem")) {
			String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
			String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
			return (ECPublicKey) KeyFactory.getInstance("EC")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (IOException | java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
