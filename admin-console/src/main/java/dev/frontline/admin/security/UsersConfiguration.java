package dev.frontline.admin.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The people who log in, how their passwords are checked, and how their roles nest. Not
 * tied to the web server, so that a console that would run with unsafe users refuses to
 * start whatever it was started for.
 */
@Configuration(proxyBeanMethods = false)
class UsersConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		// Reads the {id} prefix of a stored hash; the configured users must use {bcrypt}.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	ConsoleUsers consoleUsers(UsersProperties properties, PasswordEncoder passwordEncoder, Environment environment) {
		return ConsoleUsers.of(properties, passwordEncoder, environment.matchesProfiles("prod"));
	}

	@Bean
	RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.OPERATOR.name())
			.role(Role.OPERATOR.name())
			.implies(Role.VIEWER.name())
			.build();
	}

}
