package dev.frontline.gateway.auth;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.frontline.contract.ApiKey;
import dev.frontline.contract.AuthPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who made a request, as the gateway established it.
 *
 * @param subject the user, the API key's client, or {@code anonymous}
 * @param scopes the scopes (and roles) the caller holds
 * @param clientId the client application, if known
 * @param method how the caller was authenticated
 */
public record Caller(String subject, Set<String> scopes, @Nullable String clientId, Method method) {

	/**
	 * The exchange attribute that holds the caller of a routed request, once
	 * authenticated, even if then refused for want of scopes.
	 */
	public static final String ATTRIBUTE = Caller.class.getName();

	/** A caller who presented no valid credential. */
	public static final Caller ANONYMOUS = new Caller("anonymous", Set.of(), null, Method.ANONYMOUS);

	public Caller {
		scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
	}

	/**
	 * The caller a verified token names. Scopes are merged from {@code scope} (a
	 * space-separated string), {@code scp} (a list or such a string) and {@code roles} (a
	 * list); the client from {@code azp} or {@code client_id}.
	 * @throws AuthenticationFailed if the token names no subject
	 */
	static Caller of(Jwt jwt) {
		String clientId = text(jwt.getClaims().get("azp"));
		if (clientId == null) {
			clientId = text(jwt.getClaims().get("client_id"));
		}
		String subject = text(jwt.getClaims().get("sub"));
		if (subject == null) {
			throw AuthenticationFailed.invalid("The token names no subject");
		}
		Set<String> scopes = new LinkedHashSet<>();
		addScopes(scopes, jwt.getClaims().get("scope"));
		addScopes(scopes, jwt.getClaims().get("scp"));
		addScopes(scopes, jwt.getClaims().get("roles"));
		return new Caller(subject, scopes, clientId, Method.JWT);
	}

	/**
	 * The caller an API key stands for: its client.
	 */
	static Caller of(ApiKey key) {
		return new Caller(key.client(), new LinkedHashSet<>(key.scopes()), key.client(), Method.API_KEY);
	}

	/**
	 * The scopes as one space-separated string, as in an OAuth {@code scope} claim.
	 */
	String scope() {
		return String.join(" ", this.scopes);
	}

	/**
	 * Whether the caller holds the scopes the policy requires: any or all of them, as it
	 * says.
	 */
	boolean holdsScopesOf(AuthPolicy policy) {
		List<String> required = policy.scopes();
		if (policy.mode() != AuthPolicy.Mode.SCOPES || required.isEmpty()) {
			return true;
		}
		if (policy.scopeMatch() == AuthPolicy.ScopeMatch.ANY) {
			return required.stream().anyMatch(this.scopes::contains);
		}
		return this.scopes.containsAll(required);
	}

	private static void addScopes(Set<String> scopes, @Nullable Object claim) {
		if (claim instanceof String text) {
			for (String scope : text.split(" ")) {
				if (!scope.isEmpty()) {
					scopes.add(scope);
				}
			}
		}
		else if (claim instanceof Collection<?> values) {
			for (Object value : values) {
				if (value instanceof String scope && !scope.isBlank()) {
					scopes.add(scope.strip());
				}
			}
		}
	}

	private static @Nullable String text(@Nullable Object claim) {
		return (claim instanceof String text && !text.isBlank()) ? text : null;
	}

	/** How a caller was authenticated, as the passport's {@code auth} claim names it. */
	public enum Method {

		JWT("jwt"), API_KEY("api-key"), ANONYMOUS("anonymous");

		private final String claim;

		Method(String claim) {
			this.claim = claim;
		}

		/** The value of the passport's {@code auth} claim. */
		public String claim() {
			return this.claim;
		}

	}

}
