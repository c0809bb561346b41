package dev.frontline.admin.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start that gave up waiting for the database, and what to check.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachable> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachable cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Check that the database server at " + cause.url() + " is running and reachable from here, and"
						+ " that spring.datasource.url (FRONTLINE_DB_URL), the user and the password are right. To"
						+ " wait longer for it, raise frontline.admin.database.startup-timeout.",
				cause);
	}

}
