package dev.frontline.admin.apikey;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A request for a new API key.
 *
 * @param client the client (application or partner) the key is for; 1 to 100 characters;
 * never {@code null} once the request is validated
 * @param scopes the scopes granted to the key, at most 50; {@code null} grants none
 */
record NewApiKey(@NotBlank @Size(max = 100) String client, @Nullable @Size(max = 50) List<@NotNull @Pattern(
		regexp = SCOPE_PATTERN,
		message = "must be 1 to 100 printable characters without spaces, quotes or backslashes") String> scopes) {

	/**
	 * A scope, as the config contract allows it: printable ASCII but space, quote and
	 * backslash.
	 */
	static final String SCOPE_PATTERN = "[!#-\\[\\]-~]{1,100}";

	/**
	 * The scopes, none if absent.
	 */
	List<String> scopesOrNone() {
		return (this.scopes != null) ? this.scopes : List.of();
	}

}
