package dev.frontline.admin.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ConsoleUsersTests {

	/** The hash of {@code alice}. */
	private static final String ALICE = "{bcrypt}$2a$04$XaaPcXtZO.wjnUZkfi8f3.LJ83Yt4b/0CI9OeQX6QaL62VU/sTcXi";

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@Test
	void createsTheLocalUsersWhenNoneAreConfigured() {
		ConsoleUsers users = ConsoleUsers.of(new UsersProperties(List.of()), this.encoder, false);
		for (Role role : Role.values()) {
			UserDetails user = users.loadUserByUsername(role.label());
			assertThat(this.encoder.matches(role.label(), user.getPassword())).isTrue();
			assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
				.containsExactly("ROLE_" + role.name());
		}
	}

	@Test
	void replacesTheLocalUsersWithTheConfiguredOnes() {
		ConsoleUsers users = ConsoleUsers.of(
				new UsersProperties(List.of(new UsersProperties.User("alice", ALICE, Role.OPERATOR))), this.encoder,
				false);
		assertThat(users.loadUserByUsername("alice").getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_OPERATOR");
		assertThatExceptionOfType(UsernameNotFoundException.class).isThrownBy(() -> users.loadUserByUsername("admin"));
	}

	@Test
	void refusesAUserConfiguredTwice() {
		UsersProperties.User alice = new UsersProperties.User("alice", ALICE, Role.OPERATOR);
		assertThatIllegalStateException()
			.isThrownBy(() -> ConsoleUsers.of(new UsersProperties(List.of(alice, alice)), this.encoder, false))
			.withMessageContaining("'alice'");
	}

	@Test
	void refusesAPasswordThatIsNotABcryptHash() {
		new ApplicationContextRunner().withUserConfiguration(BindUsers.class)
			.withPropertyValues("frontline.admin.users[0].username=alice", "frontline.admin.users[0].password=alice",
					"frontline.admin.users[0].role=operator")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("frontline.admin.users[0].password")
				.hasMessageContaining("must be a bcrypt hash with its {bcrypt} prefix"));
	}

	@Test
	void keepsThePasswordHashOutOfDescriptions() {
		assertThat(new UsersProperties.User("alice", ALICE, Role.OPERATOR).toString()).contains("alice")
			.doesNotContain("$2a$");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(UsersProperties.class)
	static class BindUsers {

	}

}
