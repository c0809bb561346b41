package dev.frontline.gateway.auth;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a refused start under the {@code prod} profile, and how to fix it.
 */
class DevelopmentSecretInProductionFailureAnalyzer extends AbstractFailureAnalyzer<DevelopmentSecretInProduction> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DevelopmentSecretInProduction cause) {
		return new FailureAnalysis(cause.getMessage() + ". It is published, so anyone could forge credentials with it.",
				"Configure a secret of your own in " + cause.property()
						+ (cause.property().startsWith("frontline.passport")
								? " (a PKCS#8 PEM EC P-256 private key, inline or as a file: location) and give its"
										+ " public key to the function runtimes."
								: ", or set frontline.gateway.auth.jwt.jwk-set-uri to verify tokens with your issuer's"
										+ " public keys."),
				cause);
	}

}
