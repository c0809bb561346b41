package dev.frontline.functions.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * An HTTP server that stands in for one backend: it answers requests as its rules say,
 * and counts them.
 *
 * <pre class="code">
 * kit.backend("catalog").get("/products/p1").respond(200, json);
 * kit.backend("catalog").get("/recommendations").respond(200, json).delay(Duration.ofSeconds(3));
 * kit.backend("cart").get("/carts/alice").fail(503);
 * kit.backend("profile").down();
 * </pre>
 *
 * A request that no rule matches is answered 404, as a backend answers about an entity it
 * does not know.
 */
public final class StubBackend {

	private final String name;

	private final List<StubRule> rules = new CopyOnWriteArrayList<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final int port;

	private volatile @Nullable DisposableServer server;

	private StubBackend(String name) {
		this.name = name;
		DisposableServer started = bind(0);
		this.server = started;
		this.port = started.port();
	}

	static StubBackend start(String name) {
		return new StubBackend(name);
	}

	private DisposableServer bind(int port) {
		return HttpServer.create().host("127.0.0.1").port(port).handle(this::answer).bindNow(Duration.ofSeconds(5));
	}

	/**
	 * Adds a rule for {@code GET} requests to a path.
	 * @param path such as {@code /products/p1}; with a query
	 * ({@code /recommendations?user=alice}) only requests with exactly that query match,
	 * without one any query does
	 * @return the rule, which answers 200 with an empty body until told otherwise
	 */
	public StubRule get(String path) {
		return on(HttpMethod.GET, path);
	}

	/**
	 * Adds a rule for {@code POST} requests to a path.
	 * @param path the path, as for {@link #get(String)}
	 * @return the rule
	 */
	public StubRule post(String path) {
		return on(HttpMethod.POST, path);
	}

	/**
	 * Adds a rule for {@code PUT} requests to a path.
	 * @param path the path, as for {@link #get(String)}
	 * @return the rule
	 */
	public StubRule put(String path) {
		return on(HttpMethod.PUT, path);
	}

	/**
	 * Adds a rule for {@code DELETE} requests to a path.
	 * @param path the path, as for {@link #get(String)}
	 * @return the rule
	 */
	public StubRule delete(String path) {
		return on(HttpMethod.DELETE, path);
	}

	/**
	 * Adds a rule. Where several rules match a request, the one added last answers.
	 * @param method the request method
	 * @param path the path, as for {@link #get(String)}
	 * @return the rule
	 */
	public StubRule on(HttpMethod method, String path) {
		StubRule rule = new StubRule(method, path);
		this.rules.add(rule);
		return rule;
	}

	/**
	 * How many requests this backend received, matched or not.
	 * @return the count
	 */
	public int calls() {
		return this.received.size();
	}

	/**
	 * How many requests this backend received for a path, whatever their method and
	 * query.
	 * @param path such as {@code /products/p1}
	 * @return the count
	 */
	public int calls(String path) {
		return (int) requests().stream().map((request) -> request.substring(request.indexOf(' ') + 1)).filter((uri) -> {
			int query = uri.indexOf('?');
			return ((query >= 0) ? uri.substring(0, query) : uri).equals(path);
		}).count();
	}

	/**
	 * The requests received, oldest first.
	 * @return such as {@code GET /recommendations?user=alice}
	 */
	public List<String> requests() {
		return this.received.stream().map(Received::line).toList();
	}

	/**
	 * The headers of the requests received, oldest first, in the order of
	 * {@link #requests()}: what a client sent along, such as {@code traceparent}.
	 * @return the headers of each request
	 */
	public List<HttpHeaders> requestHeaders() {
		return this.received.stream().map(Received::headers).toList();
	}

	/**
	 * Stops listening, so that connections to the backend are refused, until
	 * {@link #up()} or the next test.
	 */
	public void down() {
		DisposableServer running = this.server;
		if (running != null) {
			running.disposeNow(Duration.ofSeconds(5));
			this.server = null;
		}
	}

	/**
	 * Listens again, on the same port.
	 */
	public void up() {
		if (this.server == null) {
			this.server = bind(this.port);
		}
	}

	/**
	 * The backend's name under {@code frontline.backends}.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Where the backend listens.
	 * @return such as {@code http://127.0.0.1:40123}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	void reset() {
		this.rules.clear();
		this.received.clear();
		up();
	}

	void stop() {
		down();
	}

	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
		String uri = request.uri();
		HttpHeaders headers = new HttpHeaders();
		request.requestHeaders().forEach((header) -> headers.add(header.getKey(), header.getValue()));
		this.received.add(new Received(request.method().name() + " " + uri, HttpHeaders.readOnlyHttpHeaders(headers)));
		StubRule rule = match(HttpMethod.valueOf(request.method().name()), uri);
		if (rule == null) {
			return response.status(404)
				.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"error\":\"no stub for " + request.method().name() + " " + uri + "\"}"))
				.then();
		}
		return rule.answer(request, response);
	}

	private @Nullable StubRule match(HttpMethod method, String uri) {
		List<StubRule> newestFirst = new ArrayList<>(this.rules);
		for (int i = newestFirst.size() - 1; i >= 0; i--) {
			StubRule rule = newestFirst.get(i);
			if (rule.claim(method, uri)) {
				return rule;
			}
		}
		return null;
	}

	/**
	 * A request as received.
	 */
	private record Received(String line, HttpHeaders headers) {

	}

}
