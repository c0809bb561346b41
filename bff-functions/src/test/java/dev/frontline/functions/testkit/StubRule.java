package dev.frontline.functions.testkit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.http.HttpMethod;

/**
 * How a {@link StubBackend} answers the requests that match a method and path. Each
 * setter returns the rule, so that one line states it:
 * {@code backend("catalog").get("/products/p1").respond(200, json).delay(Duration.ofMillis(300))}.
 */
public final class StubRule {

	private final HttpMethod method;

	private final String path;

	private final AtomicInteger calls = new AtomicInteger();

	private final AtomicInteger remaining = new AtomicInteger(-1);

	private volatile int status = 200;

	private volatile String body = "";

	private volatile Duration delay = Duration.ZERO;

	StubRule(HttpMethod method, String path) {
		this.method = method;
		this.path = path;
	}

	/**
	 * Answers with a status and a JSON body.
	 * @param status the HTTP status
	 * @param json the body, sent as {@code application/json}
	 * @return this rule
	 */
	public StubRule respond(int status, String json) {
		this.status = status;
		this.body = json;
		return this;
	}

	/**
	 * Answers with a status and no body.
	 * @param status the HTTP status
	 * @return this rule
	 */
	public StubRule respond(int status) {
		return respond(status, "");
	}

	/**
	 * Answers with an error status and a problem body, as a failing backend does.
	 * @param status an error status such as 503
	 * @return this rule
	 */
	public StubRule fail(int status) {
		return respond(status, "{\"status\":" + status + ",\"title\":\"Stubbed failure\"}");
	}

	/**
	 * Waits before answering, as a slow backend does.
	 * @param delay how long; default none
	 * @return this rule
	 */
	public StubRule delay(Duration delay) {
		this.delay = delay;
		return this;
	}

	/**
	 * Answers only the next few matching requests; after them, the rules added before
	 * this one answer. For a backend that fails once and then recovers:
	 * {@code get(path).respond(200, json)} followed by
	 * {@code get(path).fail(503).times(1)}.
	 * @param count how many requests; default every one
	 * @return this rule
	 */
	public StubRule times(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("count must be positive");
		}
		this.remaining.set(count);
		return this;
	}

	/**
	 * How many requests this rule answered.
	 * @return the count
	 */
	public int calls() {
		return this.calls.get();
	}

	/**
	 * Whether this rule answers a request; counts the request if it does.
	 */
	boolean claim(HttpMethod method, String uri) {
		if (!this.method.equals(method) || !matches(uri)) {
			return false;
		}
		int left = this.remaining.getAndUpdate((value) -> (value > 0) ? value - 1 : value);
		if (left == 0) {
			return false;
		}
		this.calls.incrementAndGet();
		return true;
	}

	private boolean matches(String uri) {
		if (this.path.contains("?")) {
			return this.path.equals(uri);
		}
		int query = uri.indexOf('?');
		return this.path.equals((query >= 0) ? uri.substring(0, query) : uri);
	}

	Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
		int status = this.status;
		String body = this.body;
		Mono<Void> reply = Mono.defer(() -> {
			HttpServerResponse answer = response.status(status);
			if (body.isEmpty()) {
				return answer.send().then();
			}
			return answer.header("Content-Type", "application/json").sendString(Mono.just(body)).then();
		});
		// The request body is read first, so that the connection can be reused.
		Mono<Void> read = request.receive().then();
		return this.delay.isZero() ? read.then(reply) : read.then(Mono.delay(this.delay)).then(reply);
	}

}
