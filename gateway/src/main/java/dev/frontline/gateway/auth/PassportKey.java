package dev.frontline.gateway.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The key that signs passports.
 *
 * @param privateKey the EC private key
 */
record PassportKey(ECPrivateKey privateKey) {

	private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";

	private static final String END = "-----END PRIVATE KEY-----";

	/**
	 * The key in the given PKCS#8 PEM text, or in the PEM file at the given location.
	 * @throws IllegalArgumentException if there is no such key
	 */
	static PassportKey read(String pemOrLocation, ResourceLoader resources) {
		String pem = pemOrLocation.strip().startsWith("-----BEGIN") ? pemOrLocation : load(pemOrLocation, resources);
		int begin = pem.indexOf(BEGIN);
		int end = pem.indexOf(END);
		if (begin < 0 || end < begin) {
			throw new IllegalArgumentException("The passport signing key must be a PKCS#8 PEM ('" + BEGIN + "')");
		}
		String base64 = pem.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
		try {
			PrivateKey key = KeyFactory.getInstance("EC")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
			return new PassportKey((ECPrivateKey) key);
		}
		catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
			throw new IllegalArgumentException("The passport signing key is not an EC private key: " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Whether this is the well-known key of local development.
	 */
	boolean isDevelopmentKey(ResourceLoader resources) {
		ECPrivateKey development = read(PassportProperties.DEVELOPMENT_SIGNING_KEY, resources).privateKey();
		return development.getS().equals(this.privateKey.getS());
	}

	private static String load(String location, ResourceLoader resources) {
		Resource resource = resources.getResource(location);
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Cannot read the passport signing key at " + location, ex);
		}
	}

}
