package dev.frontline.gateway.auth;

/**
 * The gateway was started under the {@code prod} profile with a well-known secret of
 * local development, which anyone could use to forge tokens or passports.
 */
final class DevelopmentSecretInProduction extends IllegalStateException {

	private final String property;

	DevelopmentSecretInProduction(String property, String what) {
		super("Refusing to start: " + property + " is " + what + " of local development under the 'prod' profile");
		this.property = property;
	}

	/**
	 * The property that holds the secret.
	 */
	String property() {
		return this.property;
	}

}
