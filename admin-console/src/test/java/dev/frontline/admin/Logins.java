package dev.frontline.admin;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * HTTP Basic credentials of the users a console under test knows: those of
 * {@link ApiTest}, and the local users a console without configured users creates. Each
 * password equals the user name.
 */
public final class Logins {

	/** The local admin. */
	public static final RequestPostProcessor ADMIN = as("admin");

	/** The local operator. */
	public static final RequestPostProcessor OPERATOR = as("operator");

	/** The local viewer. */
	public static final RequestPostProcessor VIEWER = as("viewer");

	/** An operator of {@link ApiTest} only, whose name is not a role's. */
	public static final RequestPostProcessor ALICE = as("alice");

	private Logins() {
	}

	/**
	 * The credentials of a user whose password is the user name.
	 */
	public static RequestPostProcessor as(String username) {
		return httpBasic(username, username);
	}

}
