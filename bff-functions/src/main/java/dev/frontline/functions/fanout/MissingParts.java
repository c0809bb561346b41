package dev.frontline.functions.fanout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The optional parts missing from the answer to one request, as every fan-out of the
 * request reports them, whichever function of a composition ran it. The runtime puts one
 * in the Reactor context of each function call and marks the answer partial
 * ({@code X-Frontline-Partial: true}) when it is not empty; a test does the same to call
 * a function directly.
 */
public final class MissingParts {

	// Private, so that only this type puts its instances in a context.
	private static final Object CONTEXT_KEY = new Object();

	private final Set<String> names = new LinkedHashSet<>();

	/**
	 * A Reactor context that collects into this, for {@code contextWrite}.
	 * @return a context with this
	 */
	public Context asContext() {
		return Context.of(CONTEXT_KEY, this);
	}

	/**
	 * The missing parts reported so far, in the order they were reported.
	 * @return their names
	 */
	public List<String> names() {
		synchronized (this.names) {
			return List.copyOf(new ArrayList<>(this.names));
		}
	}

	/**
	 * Whether no part is missing.
	 * @return {@code true} while the answer is whole
	 */
	public boolean isEmpty() {
		synchronized (this.names) {
			return this.names.isEmpty();
		}
	}

	private void add(Collection<String> missing) {
		synchronized (this.names) {
			this.names.addAll(missing);
		}
	}

	/**
	 * Reports missing parts to the request being served, if any collects them.
	 */
	static Mono<Void> report(List<String> missing) {
		if (missing.isEmpty()) {
			return Mono.empty();
		}
		return Mono.deferContextual((context) -> {
			context.<MissingParts>getOrEmpty(CONTEXT_KEY).ifPresent((parts) -> parts.add(missing));
			return Mono.empty();
		});
	}

}
