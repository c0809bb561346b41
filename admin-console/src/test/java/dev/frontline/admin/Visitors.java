package dev.frontline.admin;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * People logged in to the console's pages with a session, one per role, as the pages'
 * tests visit them. Unlike {@link Logins}, which sends credentials with every call as
 * scripts do, these carry no password: the form login made the session.
 */
public final class Visitors {

	/** A logged-in admin. */
	public static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	/** A logged-in operator. */
	public static final RequestPostProcessor OPERATOR = user("operator").roles("OPERATOR");

	/** A logged-in viewer. */
	public static final RequestPostProcessor VIEWER = user("viewer").roles("VIEWER");

	private Visitors() {
	}

}
