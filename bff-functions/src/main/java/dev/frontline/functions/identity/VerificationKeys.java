package dev.frontline.functions.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.Curve;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The gateway public keys that passports may be signed with, by key id, read from
 * {@code frontline.passport.verification-keys}. Every problem with a key stops the
 * runtime at start, naming the key, rather than failing calls later.
 *
 * @param byId each key by its id
 */
record VerificationKeys(Map<String, ECPublicKey> byId) {

	private static final Pattern PEM = Pattern
		.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

	private static final String PROPERTY = "frontline.passport.verification-keys.";

	/**
	 * Reads the configured keys.
	 * @param configured key id to PEM text or location
	 * @param resources where locations are looked up
	 * @return the keys
	 * @throws IllegalStateException naming the key that cannot be used, and why
	 */
	static VerificationKeys load(Map<String, String> configured, ResourceLoader resources) {
		Map<String, ECPublicKey> keys = new TreeMap<>();
		configured.forEach((id, value) -> {
			try {
				keys.put(id, parse(pem(value, resources)));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(PROPERTY + id + " cannot verify passports: " + ex.getMessage()
						+ " (value: " + describe(value) + ")", ex);
			}
		});
		return new VerificationKeys(Map.copyOf(keys));
	}

	/**
	 * The id under which a key is configured, if it is.
	 * @param key a public key
	 * @return its id, or {@code null} if no configured key is the same
	 */
	@Nullable String idOf(ECPublicKey key) {
		for (Map.Entry<String, ECPublicKey> entry : this.byId.entrySet()) {
			if (Arrays.equals(entry.getValue().getEncoded(), key.getEncoded())) {
				return entry.getKey();
			}
		}
		return null;
	}

	/**
	 * Reads one PEM public key.
	 * @param pem the PEM text
	 * @return the key
	 * @throws IllegalArgumentException if it is no P-256 public key
	 */
	static ECPublicKey parse(String pem) {
		Matcher matcher = PEM.matcher(pem.strip());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not a PEM block (-----BEGIN PUBLIC KEY----- ...)");
		}
		if (!"PUBLIC KEY".equals(matcher.group(1))) {
			throw new IllegalArgumentException("a PEM " + matcher.group(1)
					+ ", where the gateway's PUBLIC KEY is expected (the private key stays with the gateway)");
		}
		byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
		PublicKey key;
		try {
			key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not an EC public key", ex);
		}
		if (!(key instanceof ECPublicKey ec) || !Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
			throw new IllegalArgumentException("not a P-256 key, which ES256 passports need");
		}
		return ec;
	}

	private static String pem(String value, ResourceLoader resources) {
		if (value.strip().startsWith("-----BEGIN")) {
			return value;
		}
		Resource resource = resources.getResource(value.strip());
		if (!resource.exists()) {
			throw new IllegalArgumentException("no such file");
		}
		try {
			return resource.getContentAsString(StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("it cannot be read: " + ex.getMessage(), ex);
		}
	}

	// A location is worth showing; inline PEM text is long and says nothing to a reader.
	private static String describe(String value) {
		return value.strip().startsWith("-----BEGIN") ? "inline PEM" : value.strip();
	}

}
