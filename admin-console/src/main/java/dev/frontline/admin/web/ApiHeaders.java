package dev.frontline.admin.web;

/**
 * Response headers of the console's API.
 */
public final class ApiHeaders {

	/**
	 * The config version a response reflects, or that a write published.
	 */
	public static final String CONFIG_VERSION = "X-Config-Version";

	/**
	 * Something a write could not check but went ahead without, such as
	 * {@code function catalogue of http://localhost:8090 unreachable; composition not checked};
	 * one header per warning.
	 */
	public static final String WARNING = "X-Frontline-Warning";

	private ApiHeaders() {
	}

}
