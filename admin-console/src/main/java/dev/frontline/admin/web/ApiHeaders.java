package dev.frontline.admin.web;

/**
 * Response headers of the console's API.
 */
public final class ApiHeaders {

	/**
	 * The config version a response reflects, or that a write published.
	 */
	public static final String CONFIG_VERSION = "X-Config-Version";

	private ApiHeaders() {
	}

}
