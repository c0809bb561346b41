package dev.frontline.admin.database;

import java.time.Duration;

import dev.frontline.contract.DurationJson;

/**
 * The database did not answer within the startup timeout, so the console does not start.
 */
class DatabaseUnreachable extends IllegalStateException {

	private final String url;

	DatabaseUnreachable(String url, Duration timeout, Throwable lastFailure) {
		super("The database " + url + " was not reachable within " + DurationJson.format(timeout) + ": "
				+ lastFailure.getMessage(), lastFailure);
		this.url = url;
	}

	String url() {
		return this.url;
	}

}
