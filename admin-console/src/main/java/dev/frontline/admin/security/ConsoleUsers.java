package dev.frontline.admin.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The people who may log in, from {@link UsersProperties}. Without configured users, and
 * outside the {@code prod} profile, three well-known local users stand in for them.
 */
class ConsoleUsers implements UserDetailsService {

	/** The local users' passwords equal their names. */
	static final List<String> DEFAULT_PASSWORDS = List.of("admin", "operator", "viewer");

	private static final Log log = LogFactory.getLog(ConsoleUsers.class);

	private final Map<String, UserDetails> users;

	private ConsoleUsers(List<UsersProperties.User> users) {
		Map<String, UserDetails> byName = new LinkedHashMap<>();
		for (UsersProperties.User user : users) {
			UserDetails details = User.withUsername(user.username())
				.password(user.password())
				.roles(user.role().name())
				.build();
			if (byName.putIfAbsent(user.username(), details) != null) {
				throw new IllegalStateException(
						"frontline.admin.users names user '" + user.username() + "' more than once");
			}
		}
		this.users = Map.copyOf(byName);
	}

	/**
	 * The configured users, checked for use in production when {@code production} is set.
	 * @throws DefaultUsersInProduction in production, if no user is configured or one has
	 * a well-known password
	 */
	static ConsoleUsers of(UsersProperties properties, PasswordEncoder encoder, boolean production) {
		if (production) {
			checkForProduction(properties.users(), encoder);
		}
		if (!properties.users().isEmpty()) {
			return new ConsoleUsers(properties.users());
		}
		log.warn("No users are configured (frontline.admin.users): created the local users admin/admin,"
				+ " operator/operator and viewer/viewer, which the prod profile refuses");
		return new ConsoleUsers(defaults());
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserDetails user = this.users.get(username);
		if (user == null) {
			throw new UsernameNotFoundException("No user '" + username + "'");
		}
		// A copy: Spring Security erases the password of what it authenticated.
		return User.withUserDetails(user).build();
	}

	private static void checkForProduction(List<UsersProperties.User> users, PasswordEncoder encoder) {
		if (users.isEmpty()) {
			throw new DefaultUsersInProduction("no users are configured, so the local users admin/admin,"
					+ " operator/operator and viewer/viewer would be created");
		}
		List<String> weak = new ArrayList<>();
		for (UsersProperties.User user : users) {
			if (encoder.matches(user.username(), user.password())
					|| DEFAULT_PASSWORDS.stream().anyMatch((password) -> encoder.matches(password, user.password()))) {
				weak.add(user.username());
			}
		}
		if (!weak.isEmpty()) {
			throw new DefaultUsersInProduction("the password of " + String.join(", ", weak)
					+ " is a local default (admin, operator, viewer) or the user's own name");
		}
	}

	private static List<UsersProperties.User> defaults() {
		// The passwords are public knowledge, so a costly hash would protect nothing and
		// only slow down every start.
		PasswordEncoder fast = new BCryptPasswordEncoder(4);
		return List.of(defaultUser(fast, Role.ADMIN), defaultUser(fast, Role.OPERATOR), defaultUser(fast, Role.VIEWER));
	}

	private static UsersProperties.User defaultUser(PasswordEncoder encoder, Role role) {
		return new UsersProperties.User(role.label(), "{bcrypt}" + encoder.encode(role.label()), role);
	}

}
