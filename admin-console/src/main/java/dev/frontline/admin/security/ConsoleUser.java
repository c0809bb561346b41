package dev.frontline.admin.security;

import java.security.Principal;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The person using the console's pages, as the pages show them: their name, their role,
 * and which controls their role lets them use. Pages find it in the request attribute
 * {@value #ATTRIBUTE}; it is absent for anonymous visitors.
 *
 * @param name the login name
 * @param role the highest role the person holds
 */
public record ConsoleUser(String name, Role role) {

	/** The request attribute, and so the template variable, that holds the user. */
	public static final String ATTRIBUTE = "user";

	/**
	 * Whether the user may change routes, roll the config back, run releases, change
	 * timer triggers and redrive dead letters.
	 */
	public boolean mayOperate() {
		return this.role.includes(Role.OPERATOR);
	}

	/**
	 * Whether the user may manage API keys.
	 */
	public boolean mayAdminister() {
		return this.role.includes(Role.ADMIN);
	}

	/**
	 * The user an authenticated principal stands for, if it holds one of the console's
	 * roles; gateways and anonymous callers hold none.
	 */
	static @Nullable ConsoleUser of(@Nullable Principal principal) {
		if (!(principal instanceof Authentication authentication) || !authentication.isAuthenticated()) {
			return null;
		}
		Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
		Role highest = null;
		for (Role role : Role.values()) {
			if (authorities.stream()
				.anyMatch((authority) -> ("ROLE_" + role.name()).equals(authority.getAuthority()))) {
				highest = role;
			}
		}
		return (highest != null) ? new ConsoleUser(authentication.getName(), highest) : null;
	}

}
