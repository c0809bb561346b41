package dev.frontline.functions.identity;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The caller of a function, as the gateway vouched for it in the passport of the request.
 * This is the one way for a function to know the user: never read a user from the
 * function's input, which the client controls.
 * <p>
 * A function obtains it with {@link #current()}, composed into the {@code Mono} or
 * {@code Flux} it returns:
 *
 * <pre class="code">
 * &#64;Bean
 * Function&lt;CallerQuery, Mono&lt;Cart&gt;&gt; cart(Storefront storefront) {
 *     return (query) -&gt; Caller.current()
 *         .map(Caller::requireAuthenticated)
 *         .flatMap((caller) -&gt; storefront.cart(caller.subject()));
 * }
 * </pre>
 *
 * The caller travels in the Reactor context of the request, not in a thread-local, so
 * only reactive functions can read it: a function that returns a plain value has no
 * publisher to read it in (and must not block). Such a function becomes reactive by
 * wrapping its body:
 * {@code (input) -> Caller.current().map((caller) -> answer(caller, input))}. For the
 * same reason, a publisher that a function subscribes to itself instead of returning it
 * does not see the caller.
 *
 * @param subject who is calling: the user of a token, the client of an API key,
 * {@code anonymous}, or {@code timer:<trigger id>} for a timer trigger
 * @param scopes the scopes granted to the caller, possibly none; kept sorted
 * @param clientId the client application the caller used, when the gateway knows it
 * @param authMethod how the caller proved who they are at the gateway
 * @param requestId the request id ({@code X-Request-Id}) the gateway gave the call
 * @param gatewayId the gateway that forwarded the call
 */
public record Caller(String subject, Set<String> scopes, @Nullable String clientId, AuthMethod authMethod,
		String requestId, String gatewayId) {

	// Private, so that only this type (and whoever it hands a context to) puts a caller
	// in a context.
	private static final Object CONTEXT_KEY = new Object();

	public Caller {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(authMethod, "authMethod");
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(gatewayId, "gatewayId");
		scopes = Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
	}

	/**
	 * The caller of the function call being served.
	 * @return a {@code Mono} of the caller; it fails with {@link IllegalStateException}
	 * when subscribed outside a verified call, for instance by a publisher that the
	 * function subscribed to itself instead of returning it
	 */
	public static Mono<Caller> current() {
		return Mono.deferContextual((context) -> context.<Caller>getOrEmpty(CONTEXT_KEY)
			.map(Mono::just)
			.orElseGet(() -> Mono.error(new IllegalStateException(
					"No caller in this context: Caller.current() must be part of the publisher a function returns"))));
	}

	/**
	 * Whether the gateway let the call through without credentials.
	 * @return {@code true} for an anonymous caller
	 */
	public boolean isAnonymous() {
		return this.authMethod == AuthMethod.ANONYMOUS;
	}

	/**
	 * Whether the caller was granted a scope.
	 * @param scope a scope such as {@code catalog:read}
	 * @return {@code true} if the caller has it
	 */
	public boolean hasScope(String scope) {
		return this.scopes.contains(scope);
	}

	/**
	 * This caller, if it is not anonymous; for functions that answer about the user.
	 * @return this caller
	 * @throws AuthenticationRequired (401) if the caller is anonymous
	 */
	public Caller requireAuthenticated() {
		if (isAnonymous()) {
			throw new AuthenticationRequired();
		}
		return this;
	}

	/**
	 * A Reactor context that holds this caller, for {@code contextWrite}: what the
	 * runtime does for each verified call, and what a test does to call a function as
	 * someone.
	 * @return a context with this caller
	 */
	public Context asContext() {
		return Context.of(CONTEXT_KEY, this);
	}

	/**
	 * How the caller authenticated at the gateway: the passport's {@code auth} claim.
	 */
	public enum AuthMethod {

		/**
		 * A bearer token (JWT).
		 */
		JWT("jwt"),

		/**
		 * An API key; the subject is the key's client.
		 */
		API_KEY("api-key"),

		/**
		 * No credentials, on a public route.
		 */
		ANONYMOUS("anonymous"),

		/**
		 * A timer trigger that the control plane fired; the subject is
		 * {@code timer:<trigger id>}. Never in a passport: only the runtime's operator
		 * endpoints, which take the control-plane token, call as a timer.
		 */
		TIMER("timer");

		private final String claim;

		AuthMethod(String claim) {
			this.claim = claim;
		}

		/**
		 * The value of the passport's {@code auth} claim.
		 * @return such as {@code api-key}
		 */
		public String claim() {
			return this.claim;
		}

		/**
		 * The method a claim value names.
		 * @param claim the {@code auth} claim, or the value of {@link #claim()}
		 * @return the method, or {@code null} if the claim names none
		 */
		public static @Nullable AuthMethod ofClaim(String claim) {
			for (AuthMethod method : values()) {
				if (method.claim.equals(claim)) {
					return method;
				}
			}
			return null;
		}

	}

}
