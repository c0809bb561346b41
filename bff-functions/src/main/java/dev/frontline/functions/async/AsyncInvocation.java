package dev.frontline.functions.async;

import java.util.Objects;
import java.util.UUID;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The asynchronous invocation a function is running in, for functions that behave
 * differently on a retry, such as one that checks whether an earlier attempt already did
 * its work. A function reads it in the publisher it returns, as it reads the
 * {@link dev.frontline.functions.identity.Caller}:
 *
 * <pre class="code">
 * &#64;Bean
 * Function&lt;Order, Mono&lt;Receipt&gt;&gt; placeOrder(Orders orders) {
 *     return (order) -&gt; AsyncInvocation.current()
 *         .map(AsyncInvocation::attempt)
 *         .defaultIfEmpty(1)
 *         .flatMap((attempt) -&gt; (attempt &gt; 1) ? orders.findOrPlace(order) : orders.place(order));
 * }
 * </pre>
 *
 * A function that takes a {@code Message} finds the same in its headers:
 * {@value #ATTEMPT_HEADER} (an {@code Integer}) and {@value #ID_HEADER} (a
 * {@code String}). The caller of an asynchronous invocation is the caller of the request
 * that asked for it; an invocation that a timer trigger fired has the caller
 * {@code timer:<trigger id>}.
 *
 * @param id the invocation's id, as in {@code /async/invocations/{id}}
 * @param function the function definition invoked, such as {@code homePage,mobileView}
 * @param attempt which attempt this is, from 1; a retry, or a repeat after the runtime
 * running an attempt stopped, counts up
 * @param maxAttempts how many attempts the invocation may make: its policy's retries plus
 * one
 */
public record AsyncInvocation(UUID id, String function, int attempt, int maxAttempts) {

	/**
	 * The message header that holds the attempt number.
	 */
	public static final String ATTEMPT_HEADER = "frontline-attempt";

	/**
	 * The message header that holds the invocation id.
	 */
	public static final String ID_HEADER = "frontline-invocation-id";

	private static final Object CONTEXT_KEY = new Object();

	public AsyncInvocation {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(function, "function");
	}

	/**
	 * The asynchronous invocation being run.
	 * @return a {@code Mono} of the invocation, empty when the function was called
	 * synchronously
	 */
	public static Mono<AsyncInvocation> current() {
		return Mono.deferContextual((context) -> Mono.justOrEmpty(context.<AsyncInvocation>getOrEmpty(CONTEXT_KEY)));
	}

	/**
	 * Whether no attempt follows this one if it fails.
	 * @return {@code true} on the last attempt
	 */
	public boolean isLastAttempt() {
		return this.attempt >= this.maxAttempts;
	}

	/**
	 * A Reactor context that holds this invocation, for {@code contextWrite}: what the
	 * runtime does for each attempt, and what a test does to run a function as a retry.
	 * @return a context with this invocation
	 */
	public Context asContext() {
		return Context.of(CONTEXT_KEY, this);
	}

}
