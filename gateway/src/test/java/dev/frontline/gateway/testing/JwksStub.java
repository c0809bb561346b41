package dev.frontline.gateway.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A token issuer's JWK set endpoint ({@code /jwks}) on a random port, whose keys can be
 * rotated, and which counts how often it is fetched.
 */
public final class JwksStub implements AutoCloseable {

	// Its own event loops: a gateway that shuts down disposes of Reactor Netty's shared
	// ones.
	private final LoopResources loops = LoopResources.create("jwks-stub", 1, true);

	private final DisposableServer server;

	private final AtomicInteger fetches = new AtomicInteger();

	private volatile String keySet = new JWKSet().toString();

	private JwksStub() {
		this.server = HttpServer.create().runOn(this.loops).host("127.0.0.1").port(0).handle(this::answer).bindNow();
	}

	/**
	 * Starts an issuer that publishes no keys yet.
	 */
	public static JwksStub start() {
		return new JwksStub();
	}

	/**
	 * The URI of the JWK set.
	 */
	public String uri() {
		return "http://127.0.0.1:" + this.server.port() + "/jwks";
	}

	/**
	 * Publishes the public halves of the given keys, instead of those published before.
	 */
	public void publish(List<? extends JWK> keys) {
		this.keySet = new JWKSet(keys.stream().map(JWK::toPublicJWK).toList()).toString();
	}

	/**
	 * How often the JWK set was fetched.
	 */
	public int fetches() {
		return this.fetches.get();
	}

	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
		if (!request.uri().equals("/jwks")) {
			return response.status(404).send();
		}
		this.fetches.incrementAndGet();
		return response.header("Content-Type", "application/json")
			.sendString(Mono.just(this.keySet), StandardCharsets.UTF_8)
			.then();
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.dispose();
	}

}
