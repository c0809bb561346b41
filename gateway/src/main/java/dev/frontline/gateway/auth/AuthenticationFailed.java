package dev.frontline.gateway.auth;

/**
 * A request's credentials did not establish who the caller is: there were none, they were
 * invalid or expired, or the keys to verify them could not be obtained.
 */
final class AuthenticationFailed extends RuntimeException {

	/** No credential was sent. */
	static final AuthenticationFailed MISSING = new AuthenticationFailed(Reason.MISSING, "No credential was presented");

	private final Reason reason;

	private AuthenticationFailed(Reason reason, String description) {
		// Thrown for every bad credential: a stack trace would cost for nothing.
		super(description, null, false, false);
		this.reason = reason;
	}

	/**
	 * An invalid credential.
	 * @param description why, in words safe to show the client (no quotes)
	 */
	static AuthenticationFailed invalid(String description) {
		return new AuthenticationFailed(Reason.INVALID, description);
	}

	/**
	 * A token that is expired or not valid yet.
	 * @param description why, in words safe to show the client (no quotes)
	 */
	static AuthenticationFailed expired(String description) {
		return new AuthenticationFailed(Reason.EXPIRED, description);
	}

	/**
	 * The keys to verify a token could not be obtained.
	 */
	static AuthenticationFailed unavailable(String description) {
		return new AuthenticationFailed(Reason.UNAVAILABLE, description);
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

	/** Why authentication failed. */
	enum Reason {

		MISSING, INVALID, EXPIRED, UNAVAILABLE

	}

}
