package dev.frontline.gateway.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A function runtime on a random port. It answers by function path:
 * <ul>
 * <li>{@code /slow}: after 3 s;</li>
 * <li>{@code /missing}: 404 with a problem, as the runtime does for unknown
 * entities;</li>
 * <li>{@code /flaky}: 503 as often as {@link #answerUnavailable(int)} says, then like any
 * other function;</li>
 * <li>any other: 200 with the request body as the response body, and headers that
 * describe the request it received ({@code X-Stub-*}).</li>
 * </ul>
 * It keeps the headers of the last request it received.
 */
public final class FunctionRuntimeStub implements AutoCloseable {

	/** The delay of the {@code /slow} function. */
	public static final Duration SLOW = Duration.ofSeconds(3);

	private final String name;

	private final AtomicInteger unavailableAnswers = new AtomicInteger();

	private final AtomicInteger calls = new AtomicInteger();

	private volatile HttpHeaders lastHeaders = EmptyHttpHeaders.INSTANCE;

	// Its own event loops: a gateway that shuts down disposes of Reactor Netty's shared
	// ones.
	private final LoopResources loops = LoopResources.create("function-runtime-stub", 1, true);

	private final DisposableServer server;

	private FunctionRuntimeStub(String name) {
		this.name = name;
		this.server = HttpServer.create().runOn(this.loops).host("127.0.0.1").port(0).handle(this::answer).bindNow();
	}

	/**
	 * Starts a runtime that names itself in the {@code X-Stub} header.
	 */
	public static FunctionRuntimeStub start(String name) {
		return new FunctionRuntimeStub(name);
	}

	/**
	 * The base URI of the runtime.
	 */
	public String uri() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * Makes {@code /flaky} answer 503 the given number of times.
	 */
	public void answerUnavailable(int times) {
		this.unavailableAnswers.set(times);
	}

	/**
	 * How many requests the runtime received.
	 */
	public int calls() {
		return this.calls.get();
	}

	/**
	 * The headers of the last request received.
	 */
	public HttpHeaders lastHeaders() {
		return this.lastHeaders;
	}

	/**
	 * Forgets the requests received so far.
	 */
	public void reset() {
		this.calls.set(0);
		this.unavailableAnswers.set(0);
		this.lastHeaders = EmptyHttpHeaders.INSTANCE;
	}

	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
		this.calls.incrementAndGet();
		this.lastHeaders = request.requestHeaders().copy();
		String path = URI.create(request.uri()).getRawPath();
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			switch (path) {
				case "/slow":
					return Mono.delay(SLOW).then(echo(request, response, body));
				case "/missing":
					return response.status(404)
						.header("Content-Type", "application/problem+json")
						.sendString(Mono.just("{\"type\":\"urn:frontline:problem:product-not-found\","
								+ "\"title\":\"Product not found\",\"status\":404,\"detail\":\"No product p999\"}"))
						.then();
				case "/flaky":
					if (this.unavailableAnswers.getAndDecrement() > 0) {
						return response.status(503).sendString(Mono.just("busy")).then();
					}
					return echo(request, response, body);
				default:
					return echo(request, response, body);
			}
		});
	}

	private Mono<Void> echo(HttpServerRequest request, HttpServerResponse response, String body) {
		return response.status(200)
			.header("Content-Type", "application/json")
			.header("X-Stub", this.name)
			.header("X-Stub-Method", request.method().name())
			.header("X-Stub-Path", URI.create(request.uri()).getRawPath())
			.header("X-Stub-Content-Type", header(request, "Content-Type"))
			.header("X-Stub-Route", header(request, "X-Frontline-Route"))
			.header("X-Stub-Request-Id", header(request, "X-Request-Id"))
			.sendString(Mono.just(body))
			.then();
	}

	private static String header(HttpServerRequest request, String name) {
		return Objects.requireNonNullElse(request.requestHeaders().get(name), "");
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.dispose();
	}

}
