package dev.frontline.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.frontline.contract.Target;

/**
 * Where the instances of one target are called, taking turns: its function definition
 * synchronously ({@code {uri}/{functions joined by ','}}) or asynchronously
 * ({@code {uri}/async/{functions}}), and the status of its asynchronous invocations
 * ({@code {uri}/async/invocations/{id}}).
 */
final class TargetUris {

	private final List<String> bases;

	private final List<URI> functions;

	private final List<URI> asyncFunctions;

	private final AtomicInteger next = new AtomicInteger();

	TargetUris(Target target) {
		String definition = String.join(",", target.functions());
		this.bases = target.uris().stream().map(TargetUris::stripTrailingSlash).toList();
		this.functions = this.bases.stream().map((base) -> URI.create(base + "/" + definition)).toList();
		this.asyncFunctions = this.bases.stream().map((base) -> URI.create(base + "/async/" + definition)).toList();
	}

	private static String stripTrailingSlash(String uri) {
		return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
	}

	/**
	 * The next instance's URI of the function definition.
	 */
	URI function() {
		return this.functions.get(turn());
	}

	/**
	 * The next instance's URI of the asynchronous invocation of the function definition.
	 */
	URI asyncFunction() {
		return this.asyncFunctions.get(turn());
	}

	/**
	 * The next instance's URI of the given invocation.
	 * @param id the id of the invocation, a UUID
	 */
	URI invocation(String id) {
		return URI.create(this.bases.get(turn()) + "/async/invocations/" + id);
	}

	private int turn() {
		int size = this.bases.size();
		return (size == 1) ? 0 : Math.floorMod(this.next.getAndIncrement(), size);
	}

	@Override
	public String toString() {
		return this.functions.toString();
	}

}
