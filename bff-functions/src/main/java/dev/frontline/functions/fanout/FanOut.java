package dev.frontline.functions.fanout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * Calls several branches in parallel and joins what they answer. The answer takes as long
 * as the slowest branch, and never longer than the deadline:
 *
 * <pre class="code">
 * Branch&lt;Profile&gt; profile = Branch.required("profile", profiles.user(id));
 * Branch&lt;Cart&gt; cart = Branch.optional("cart", carts.cart(id), Cart.empty(id))
 *     .timeout(Duration.ofMillis(300));
 * return FanOut.of(profile, cart)
 *     .deadline(Duration.ofSeconds(2))
 *     .join((parts) -&gt; new Page(parts.get(profile), parts.get(cart), parts.missing()));
 * </pre>
 *
 * A required branch that fails fails the answer with its own error (so a backend's 502,
 * 503 or 504 reaches the client), at once, cancelling the other branches; one that
 * outlasts the deadline fails it with 504, one that answers nothing with 404. An optional
 * branch that fails, answers nothing or times out is replaced by its fallback and listed
 * in {@link Result#missing()}. The runtime then marks the HTTP answer with
 * {@code X-Frontline-Partial: true}; the answer's body should name the missing parts too,
 * in a {@code missing} field, as the storefront's {@code HomePage} does.
 * <p>
 * A branch that times out, past its own timeout or the deadline, counts against the
 * backend it was waiting for: a call of a backend client still in flight then ends as
 * timed out (see {@link PartDeadline}), and the backend's circuit breaker counts it as
 * failed, however long the backend's own timeout. A backend too slow for the parts it
 * serves thus opens its circuit, and from then on its part is left out at once rather
 * than after its timeout.
 */
public final class FanOut {

	/**
	 * The deadline of a fan-out that sets none: 5 seconds.
	 */
	public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);

	private final List<Branch<?>> branches;

	private final Duration deadline;

	private FanOut(List<Branch<?>> branches, Duration deadline) {
		this.branches = branches;
		this.deadline = deadline;
	}

	/**
	 * A fan-out over branches, with the default deadline.
	 * @param branches one or more branches with distinct names
	 * @return the fan-out, not yet started
	 */
	public static FanOut of(Branch<?>... branches) {
		if (branches.length == 0) {
			throw new IllegalArgumentException("A fan-out needs at least one branch");
		}
		Set<String> names = new HashSet<>();
		for (Branch<?> branch : branches) {
			if (!names.add(branch.name())) {
				throw new IllegalArgumentException("Two branches are named '" + branch.name() + "'");
			}
		}
		return new FanOut(List.of(branches), DEFAULT_DEADLINE);
	}

	/**
	 * This fan-out with another deadline.
	 * @param deadline how long the whole fan-out may take; default 5 seconds
	 * @return a new fan-out
	 */
	public FanOut deadline(Duration deadline) {
		Objects.requireNonNull(deadline, "deadline");
		if (deadline.isZero() || deadline.isNegative()) {
			throw new IllegalArgumentException("The deadline must be positive");
		}
		return new FanOut(this.branches, deadline);
	}

	/**
	 * Runs the branches and assembles the answer from them.
	 * @param <R> the answer
	 * @param assemble makes the answer from the parts
	 * @return the answer, once every branch arrived or stood in for
	 */
	public <R> Mono<R> join(Function<Result, R> assemble) {
		return join().map(assemble);
	}

	/**
	 * Runs the branches.
	 * @return the parts, once every branch arrived or stood in for
	 */
	public Mono<Result> join() {
		return Mono.defer(() -> {
			List<Mono<Branch.Arrival>> runs = this.branches.stream()
				.map((branch) -> branch.run(this.deadline))
				.toList();
			return Mono.zip(runs, Result::of);
		}).flatMap((result) -> MissingParts.report(result.missing()).thenReturn(result));
	}

	/**
	 * What the branches of a fan-out brought.
	 */
	public static final class Result {

		private final Map<String, Object> values;

		private final List<String> missing;

		private Result(Map<String, Object> values, List<String> missing) {
			this.values = values;
			this.missing = missing;
		}

		private static Result of(Object[] arrivals) {
			Map<String, Object> values = new LinkedHashMap<>();
			List<String> missing = new ArrayList<>();
			for (Object element : arrivals) {
				Branch.Arrival arrival = (Branch.Arrival) element;
				values.put(arrival.name(), arrival.value());
				if (arrival.missing()) {
					missing.add(arrival.name());
				}
			}
			return new Result(values, List.copyOf(missing));
		}

		/**
		 * What a branch answered, or its fallback if it is missing.
		 * @param <T> what the branch answers
		 * @param branch a branch of this fan-out
		 * @return the value
		 * @throws IllegalArgumentException if the branch is not part of this fan-out
		 */
		@SuppressWarnings("unchecked")
		public <T> T get(Branch<T> branch) {
			Object value = this.values.get(branch.name());
			if (value == null) {
				throw new IllegalArgumentException("No branch '" + branch.name() + "' in this fan-out");
			}
			return (T) value;
		}

		/**
		 * The optional parts that are missing, in the order the branches were given.
		 * @return their names, empty when every part arrived
		 */
		public List<String> missing() {
			return this.missing;
		}

		/**
		 * Whether an optional part is missing.
		 * @return {@code true} if the answer is partial
		 */
		public boolean isPartial() {
			return !this.missing.isEmpty();
		}

	}

}
