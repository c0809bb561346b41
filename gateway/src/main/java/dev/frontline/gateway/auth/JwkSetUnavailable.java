package dev.frontline.gateway.auth;

/**
 * The JWK set could not be fetched from the token issuer.
 */
final class JwkSetUnavailable extends RuntimeException {

	JwkSetUnavailable(String message) {
		super(message, null, false, false);
	}

}
