package dev.frontline.gateway.auth;

/**
 * A request's credentials did not establish who the caller is: there were none, they were
 * invalid or expired, or the keys to verify them could not be obtained.
 */
final class AuthenticationFailed extends RuntimeException {

	/** No credential was sent. */
	static final AuthenticationFailed MISSING = new AuthenticationFailed(Reason.MISSING_TOKEN,
			"No credential was presented");

	private final Reason reason;

	private AuthenticationFailed(Reason reason, String description) {
		// Thrown for every bad credential: a stack trace would cost for nothing.
		super(description, null, false, false);
		this.reason = reason;
	}

	/**
	 * An invalid bearer token.
	 * @param description why, in words safe to show the client (no quotes)
	 */
	static AuthenticationFailed invalid(String description) {
		return new AuthenticationFailed(Reason.INVALID_TOKEN, description);
	}

	/**
	 * A token that is expired or not valid yet.
	 * @param description why, in words safe to show the client (no quotes)
	 */
	static AuthenticationFailed expired(String description) {
		return new AuthenticationFailed(Reason.EXPIRED_TOKEN, description);
	}

	/**
	 * The keys to verify a token could not be obtained.
	 */
	static AuthenticationFailed unavailable(String description) {
		return new AuthenticationFailed(Reason.KEYS_UNAVAILABLE, description);
	}

	/**
	 * An API key that matches none of the snapshot's keys.
	 */
	static AuthenticationFailed invalidApiKey() {
		return new AuthenticationFailed(Reason.INVALID_API_KEY, "The API key is not valid");
	}

	/**
	 * An API key sent to a route that takes none.
	 */
	static AuthenticationFailed apiKeyNotAllowed() {
		return new AuthenticationFailed(Reason.API_KEY_NOT_ALLOWED, "This route does not accept API keys");
	}

	/**
	 * An {@code Authorization} header of another scheme than {@code Bearer}.
	 */
	static AuthenticationFailed unsupportedScheme() {
		return new AuthenticationFailed(Reason.UNSUPPORTED_SCHEME, "Only bearer tokens are accepted");
	}

	Reason reason() {
		return this.reason;
	}

	/**
	 * Why, in words safe to show the client.
	 */
	String description() {
		return getMessage();
	}

	/**
	 * Why authentication failed, each with the name it is counted under in
	 * {@code frontline.gateway.auth.failures}.
	 */
	enum Reason {

		/** No bearer token, nor an API key where the route takes them. */
		MISSING_TOKEN("missing_token"),

		/** A bearer token that does not verify, is malformed or names no subject. */
		INVALID_TOKEN("invalid_token"),

		/** A bearer token that is expired or not valid yet. */
		EXPIRED_TOKEN("expired_token"),

		/** An {@code Authorization} header of another scheme than {@code Bearer}. */
		UNSUPPORTED_SCHEME("unsupported_scheme"),

		/** An API key that is unknown, revoked or malformed. */
		INVALID_API_KEY("invalid_api_key"),

		/** An API key on a route that takes none. */
		API_KEY_NOT_ALLOWED("api_key_not_allowed"),

		/** The keys to verify bearer tokens could not be obtained. */
		KEYS_UNAVAILABLE("keys_unavailable");

		private final String tag;

		Reason(String tag) {
			this.tag = tag;
		}

		/** The value of the {@code reason} tag. */
		String tag() {
			return this.tag;
		}

	}

}
