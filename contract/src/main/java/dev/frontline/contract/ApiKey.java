package dev.frontline.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An API key as the data plane knows it: who it belongs to, what it may do, and the hash
 * of its secret. The key itself ({@code fl_<id>_<secret>}) is shown once to whoever
 * creates it and never stored.
 *
 * @param id public id of the key, part of the key itself
 * @param client the client (application or partner) the key belongs to
 * @param scopes scopes granted to the key
 * @param hash {@code sha256:} hash of the whole key
 * @param createdAt when the key was created
 */
public record ApiKey(@NotBlank @jakarta.validation.constraints.Pattern(regexp = ID_PATTERN) String id,
		@NotBlank @Size(max = 100) String client,
		@NotNull @Size(max = 50) List<@NotNull @jakarta.validation.constraints.Pattern(regexp = SCOPE_PATTERN,
				message = "must be 1 to 100 printable characters without spaces, quotes or backslashes") String> scopes,
		@NotBlank @jakarta.validation.constraints.Pattern(regexp = "sha256:[0-9a-f]{64}") String hash,
		@NotNull Instant createdAt) {

	/** Key ids: 12 lower-case letters and digits. */
	public static final String ID_PATTERN = "[a-z0-9]{12}";

	static final String SCOPE_PATTERN = "[!#-\\[\\]-~]{1,100}";

	private static final Pattern KEY = Pattern.compile("fl_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");

	private static final SecureRandom random = new SecureRandom();

	public ApiKey {
		scopes = (scopes != null) ? List.copyOf(scopes) : List.of();
	}

	/**
	 * Issues a new key for a client: the secret key to hand out once, and the entry to
	 * store.
	 */
	public static Issued issue(String client, List<String> scopes, Instant now) {
		String id = HexFormat.of().formatHex(randomBytes(6));
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
		String key = "fl_" + id + "_" + secret;
		return new Issued(key, new ApiKey(id, client, scopes, hash(key), now));
	}

	/**
	 * The id named by a presented key, if the key has the form of a Frontline API key.
	 */
	public static Optional<String> idOf(String presentedKey) {
		Matcher matcher = KEY.matcher(presentedKey);
		return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	/**
	 * The {@code sha256:} hash of a key.
	 */
	public static String hash(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return "sha256:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Whether the presented key is this key, compared in constant time.
	 */
	public boolean matches(String presentedKey) {
		return MessageDigest.isEqual(hash(presentedKey).getBytes(StandardCharsets.US_ASCII),
				this.hash.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		random.nextBytes(bytes);
		return bytes;
	}

	/**
	 * A newly issued key.
	 *
	 * @param key the secret key, to be shown once
	 * @param entry what is stored and distributed
	 */
	public record Issued(String key, ApiKey entry) {

	}

}
