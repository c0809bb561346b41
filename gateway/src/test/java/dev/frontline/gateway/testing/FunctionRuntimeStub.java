package dev.frontline.gateway.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
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
 * Like the runtime, it takes asynchronous invocations: {@code POST /async/{definition}}
 * answers 202 with {@code {"id","function","status":"queued"}} and {@code Location:
 * /async/invocations/{id}} (for {@code /async/flaky}, 503 as often as
 * {@link #answerUnavailable(int)} says first); {@code GET} and {@code DELETE
 * /async/invocations/{id}} answer 200 with the id and a status. It keeps every request it
 * received.
 */
public final class FunctionRuntimeStub implements AutoCloseable {

	/** The delay of the {@code /slow} function. */
	public static final Duration SLOW = Duration.ofSeconds(3);

	private static final String ASYNC = "/async/";

	private static final String INVOCATIONS = "/async/invocations/";

	private final String name;

	private final AtomicInteger unavailableAnswers = new AtomicInteger();

	private final AtomicInteger calls = new AtomicInteger();

	private volatile HttpHeaders lastHeaders = EmptyHttpHeaders.INSTANCE;

	private final List<Received> received = new CopyOnWriteArrayList<>();

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
	 * Every request received, oldest first.
	 */
	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/**
	 * The last request received.
	 * @throws AssertionError if none was
	 */
	public Received lastReceived() {
		if (this.received.isEmpty()) {
			throw new AssertionError("The function runtime received no request");
		}
		return this.received.get(this.received.size() - 1);
	}

	/**
	 * Forgets the requests received so far.
	 */
	public void reset() {
		this.calls.set(0);
		this.unavailableAnswers.set(0);
		this.lastHeaders = EmptyHttpHeaders.INSTANCE;
		this.received.clear();
	}

	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
		this.calls.incrementAndGet();
		HttpHeaders headers = request.requestHeaders().copy();
		this.lastHeaders = headers;
		String path = URI.create(request.uri()).getRawPath();
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			this.received.add(new Received(request.method().name(), path, headers, body));
			if (path.startsWith(INVOCATIONS)) {
				return invocation(request, response, path.substring(INVOCATIONS.length()));
			}
			if (path.startsWith(ASYNC)) {
				return accept(response, path.substring(ASYNC.length()));
			}
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

	private Mono<Void> accept(HttpServerResponse response, String definition) {
		if (definition.equals("flaky") && this.unavailableAnswers.getAndDecrement() > 0) {
			return response.status(503).sendString(Mono.just("busy")).then();
		}
		String id = UUID.randomUUID().toString();
		return response.status(202)
			.header("Content-Type", "application/json")
			.header("Location", INVOCATIONS + id)
			.header("X-Stub", this.name)
			.sendString(Mono.just("{\"id\":\"" + id + "\",\"function\":\"" + definition + "\",\"status\":\"queued\"}"))
			.then();
	}

	private Mono<Void> invocation(HttpServerRequest request, HttpServerResponse response, String id) {
		String status = request.method().name().equals("DELETE") ? "cancelled" : "succeeded";
		return response.status(200)
			.header("Content-Type", "application/json")
			.header("X-Stub", this.name)
			.sendString(Mono.just("{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}"))
			.then();
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

	/**
	 * A request the runtime received.
	 *
	 * @param method its method
	 * @param path its path, still percent-encoded
	 * @param headers its headers
	 * @param body its body, empty if it had none
	 */
	public record Received(String method, String path, HttpHeaders headers, String body) {

		/**
		 * The value of the given header, or {@code null} if the request had none.
		 */
		public @Nullable String header(String name) {
			return this.headers.get(name);
		}

	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.dispose();
	}

}
