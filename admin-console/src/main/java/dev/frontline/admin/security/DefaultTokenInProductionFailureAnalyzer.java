package dev.frontline.admin.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a refused start under the {@code prod} profile, and how to fix it.
 */
class DefaultTokenInProductionFailureAnalyzer extends AbstractFailureAnalyzer<DefaultTokenInProduction> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DefaultTokenInProduction cause) {
		return new FailureAnalysis(cause.getMessage() + ". Anyone who knows it could act as a gateway.",
				"Set frontline.control-plane.token (for example with the FRONTLINE_CONTROL_PLANE_TOKEN environment"
						+ " variable) to a secret of your own, and give the same secret to the gateways.",
				cause);
	}

}
