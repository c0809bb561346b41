package dev.frontline.admin.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The people who may log in to the console.
 *
 * @param users every user, each with a bcrypt password hash and a role; default none, in
 * which case the console creates {@code admin}/{@code admin}, {@code operator}/
 * {@code operator} and {@code viewer}/{@code viewer} for local use (refused under the
 * {@code prod} profile)
 */
@Validated
@ConfigurationProperties("frontline.admin")
public record UsersProperties(@NotNull @DefaultValue List<@NotNull @Valid User> users) {

	/**
	 * One user.
	 *
	 * @param username the login name, recorded as the author of the user's changes: 1 to
	 * 100 letters, digits, dots, dashes, underscores or {@code @}; no default
	 * @param password the bcrypt hash of the password with its {@code {bcrypt}} prefix,
	 * such as {@code {bcrypt}$2a$10$...}; no default
	 * @param role {@code viewer}, {@code operator} or {@code admin}; no default
	 */
	public record User(
			@NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}",
					message = "must be 1 to 100 letters, digits, dots, dashes, underscores or @") String username,
			@NotNull @Pattern(regexp = "\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}",
					message = "must be a bcrypt hash with its {bcrypt} prefix, such as {bcrypt}$2a$10$...") String password,
			@NotNull Role role) {

		@Override
		public String toString() {
			// Keeps the hash out of logs and failure messages.
			return "User[username=" + this.username + ", role=" + this.role + "]";
		}

	}

}
