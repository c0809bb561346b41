package dev.frontline.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Who may call a route.
 *
 * @param mode {@code public}, {@code authenticated}, or {@code scopes}; default
 * {@code authenticated}
 * @param scopes scopes (or roles) required when the mode is {@code scopes}
 * @param scopeMatch whether {@code any} or {@code all} of the scopes are required;
 * default {@code all}
 * @param apiKeys whether API keys are accepted as well as bearer tokens; default false
 * @param tokenRelay whether the caller's bearer token is forwarded to the target as well
 * as the gateway's passport; default false
 */
@Consistent
public record AuthPolicy(@NotNull Mode mode,
		@NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = "[!#-\\[\\]-~]{1,100}",
				message = "must be 1 to 100 printable characters without spaces, quotes or backslashes") String> scopes,
		@NotNull ScopeMatch scopeMatch, @JsonSetter(nulls = Nulls.AS_EMPTY) boolean apiKeys,
		@JsonSetter(nulls = Nulls.AS_EMPTY) boolean tokenRelay) implements SelfChecking {

	public AuthPolicy {
		mode = (mode != null) ? mode : Mode.AUTHENTICATED;
		scopes = (scopes != null) ? List.copyOf(scopes) : List.of();
		scopeMatch = (scopeMatch != null) ? scopeMatch : ScopeMatch.ALL;
	}

	/** Anyone may call the route. */
	public static AuthPolicy publicAccess() {
		return new AuthPolicy(Mode.PUBLIC, List.of(), ScopeMatch.ALL, false, false);
	}

	/** Any authenticated caller may call the route. */
	public static AuthPolicy authenticated() {
		return new AuthPolicy(Mode.AUTHENTICATED, List.of(), ScopeMatch.ALL, false, false);
	}

	@Override
	public void checkConsistency(Problems problems) {
		if (this.mode == Mode.SCOPES && this.scopes.isEmpty()) {
			problems.add("scopes", "must name at least one scope when the mode is 'scopes'");
		}
		if (this.mode == Mode.PUBLIC && !this.scopes.isEmpty()) {
			problems.add("scopes", "must be empty when the mode is 'public'");
		}
	}

	/** How a route authenticates its callers. */
	public enum Mode {

		/** Anyone may call. */
		@JsonProperty("public")
		PUBLIC,

		/** A valid credential is required. */
		@JsonProperty("authenticated")
		AUTHENTICATED,

		/** A valid credential with the route's scopes is required. */
		@JsonProperty("scopes")
		SCOPES

	}

	/** Whether a caller needs any or all of a route's scopes. */
	public enum ScopeMatch {

		@JsonProperty("any")
		ANY,

		@JsonProperty("all")
		ALL

	}

}
