package dev.frontline.admin.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start refused because of the users, and how to configure them.
 */
class DefaultUsersInProductionFailureAnalyzer extends AbstractFailureAnalyzer<DefaultUsersInProduction> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DefaultUsersInProduction cause) {
		return new FailureAnalysis(cause.getMessage() + ". Anyone who read the docs could log in.",
				"Configure frontline.admin.users: for each user a username, a role (viewer, operator or admin) and"
						+ " the bcrypt hash of a password of your own with its {bcrypt} prefix (for example"
						+ " '{bcrypt}' followed by the output of: htpasswd -bnBC 12 \"\" 'the password' | tr -d ':\\n').",
				cause);
	}

}
