package dev.frontline.functions.async;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import dev.frontline.contract.AsyncPolicy;
import dev.frontline.functions.identity.Caller;
import org.jspecify.annotations.Nullable;

/**
 * An asynchronous invocation as stored: what was asked, by whom, under which policy, and
 * where it stands.
 *
 * @param id its id
 * @param function the function definition, as {@code homePage,mobileView}
 * @param route the gateway route it came through, for display; {@code null} if not told
 * @param input the function's input, checked JSON
 * @param caller the caller of the request that asked for it, under whom every attempt
 * runs
 * @param idempotencyKey the caller's key for it, unique per caller subject and function;
 * {@code null} for none
 * @param inputHash the SHA-256 of the input, hex, to tell a repeated request from a
 * reused key
 * @param policy its retries, maximum event age, result retention and destinations
 * @param createdAt when it was accepted
 * @param state where it stands
 */
record Invocation(UUID id, String function, @Nullable String route, String input, Caller caller,
		@Nullable String idempotencyKey, String inputHash, AsyncPolicy policy, Instant createdAt,
		InvocationState state) {

	/**
	 * A new invocation, queued.
	 */
	static Invocation queued(String function, @Nullable String route, String input, Caller caller,
			@Nullable String idempotencyKey, AsyncPolicy policy, Instant now) {
		return new Invocation(UUID.randomUUID(), function, route, input, caller, idempotencyKey, hash(input), policy,
				now, InvocationState.queued(now));
	}

	/**
	 * The same invocation in another state.
	 */
	Invocation with(InvocationState state) {
		return new Invocation(this.id, this.function, this.route, this.input, this.caller, this.idempotencyKey,
				this.inputHash, this.policy, this.createdAt, state);
	}

	/**
	 * How many attempts it may make: its retries and the first one.
	 */
	int maxAttempts() {
		return this.policy.retries() + 1;
	}

	/**
	 * When it grows older than its policy's maximum event age, counted from when it was
	 * last queued (accepted, or redriven by an operator); no attempt starts after that.
	 */
	Instant expiresAt() {
		return this.state.queuedAt().plus(this.policy.maxEventAge());
	}

	/**
	 * The result, while it is kept.
	 * @return the result as JSON, or {@code null} if it has none or it expired
	 */
	@Nullable String result(Instant now) {
		Instant expiry = this.state.resultExpiresAt();
		return (expiry != null && now.isBefore(expiry)) ? this.state.result() : null;
	}

	/**
	 * What an attempt of it runs as.
	 */
	AsyncInvocation attempt() {
		return new AsyncInvocation(this.id, this.function, this.state.attempts(), maxAttempts());
	}

	static String hash(String input) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
