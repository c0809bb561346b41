import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Prints an HS256 JWT that a locally started gateway accepts: {@code java DevToken.java
 * <user> [scope...]}. The secret is the gateway's local default unless
 * {@code FRONTLINE_JWT_SECRET} names another; the token is valid for an hour unless
 * {@code FRONTLINE_TOKEN_TTL_SECONDS} says otherwise.
 */
public class DevToken {

	static final String LOCAL_SECRET = "frontline-local-development-secret-do-not-use-in-prod";

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || args[0].isBlank() || args[0].startsWith("-")) {
			System.err.println("usage: ./frontline token <user> [scope...]");
			System.exit(2);
		}
		String secret = System.getenv().getOrDefault("FRONTLINE_JWT_SECRET", LOCAL_SECRET);
		long ttl = Long.parseLong(System.getenv().getOrDefault("FRONTLINE_TOKEN_TTL_SECONDS", "3600"));
		long now = Instant.now().getEpochSecond();
		String scope = String.join(" ", Arrays.copyOfRange(args, 1, args.length));
		String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
		String claims = "{\"sub\":" + quote(args[0]) + ",\"scope\":" + quote(scope) + ",\"iss\":\"frontline-local\""
				+ ",\"iat\":" + now + ",\"exp\":" + (now + ttl) + "}";
		String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ base64(claims.getBytes(StandardCharsets.UTF_8));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		System.out.println(signingInput + "." + base64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII))));
	}

	private static String base64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
