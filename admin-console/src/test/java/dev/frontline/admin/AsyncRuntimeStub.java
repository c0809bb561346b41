package dev.frontline.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A function runtime on a random port of 127.0.0.1 that serves the operator endpoints the
 * console calls: the dead letters ({@code GET /async/dead-letters}, {@code GET
 * /async/dead-letters/{id}}, {@code POST /async/dead-letters/{id}/redrive},
 * {@code POST /async/dead-letters/redrive}) and the trigger endpoint ({@code POST
 * /async/triggers/{definition}}), as the function runtime answers them. Every call needs
 * the control-plane token; every call is recorded.
 */
public final class AsyncRuntimeStub implements AutoCloseable {

	private final HttpServer server;

	private final String configuredToken;

	private volatile String token;

	// A slow answer must not hold up the next request.
	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	/** The dead letters, by id, in the order they were added. */
	private final Map<String, DeadLetter> deadLetters = new LinkedHashMap<>();

	/** The invocation each idempotency key created. */
	private final Map<String, String> invocations = new ConcurrentHashMap<>();

	private final AtomicInteger failures = new AtomicInteger();

	private volatile int failureStatus = 503;

	private volatile boolean down;

	private AsyncRuntimeStub(HttpServer server, String token) {
		this.server = server;
		this.configuredToken = token;
		this.token = token;
	}

	/**
	 * Starts a runtime that takes the given control-plane token.
	 */
	public static AsyncRuntimeStub start(String token) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			AsyncRuntimeStub stub = new AsyncRuntimeStub(server, token);
			server.createContext("/", stub::handle);
			server.setExecutor(stub.threads);
			server.start();
			return stub;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start a function runtime stub", ex);
		}
	}

	/** The runtime's base URI. */
	public String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Forgets every call and dead letter, and answers again.
	 */
	public synchronized AsyncRuntimeStub reset() {
		this.requests.clear();
		this.deadLetters.clear();
		this.invocations.clear();
		this.failures.set(0);
		this.down = false;
		this.token = this.configuredToken;
		return this;
	}

	/**
	 * Takes another control-plane token from now on, as a runtime configured with another
	 * secret.
	 */
	public AsyncRuntimeStub requiringToken(String token) {
		this.token = token;
		return this;
	}

	/**
	 * Holds a dead letter from now on.
	 * @param input the invocation's input, as JSON
	 * @param lastError how its last attempt failed, as JSON
	 */
	public synchronized AsyncRuntimeStub deadLetter(String id, String function, Instant deadLetteredAt, String input,
			String lastError) {
		this.deadLetters.put(id, new DeadLetter(id, function, "dead_lettered", deadLetteredAt, input, lastError));
		return this;
	}

	/**
	 * Holds an invocation that succeeded, which it refuses to redrive.
	 */
	public synchronized AsyncRuntimeStub succeeded(String id, String function) {
		this.deadLetters.put(id, new DeadLetter(id, function, "succeeded", Instant.now(), "{}", "null"));
		return this;
	}

	/**
	 * Closes every connection without an answer from now on, as a runtime that crashed.
	 */
	public AsyncRuntimeStub down() {
		this.down = true;
		return this;
	}

	/**
	 * Answers the next trigger posts with the given status instead of accepting them.
	 */
	public AsyncRuntimeStub failingTriggers(int times, int status) {
		this.failureStatus = status;
		this.failures.set(times);
		return this;
	}

	/** Every call so far, oldest first. */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/** The calls of one method and path so far. */
	public List<Request> requests(String method, String path) {
		return this.requests.stream()
			.filter((request) -> request.method().equals(method) && request.path().equals(path))
			.toList();
	}

	/** The trigger posts so far, oldest first. */
	public List<Request> triggerPosts() {
		return this.requests.stream().filter((request) -> request.path().startsWith("/async/triggers/")).toList();
	}

	/** The invocation the runtime created for an idempotency key, if any. */
	public String invocationOf(String idempotencyKey) {
		return this.invocations.get(idempotencyKey);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Map<String, String> headers = new LinkedHashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
			List<String> segments = Arrays.stream(exchange.getRequestURI().getRawPath().split("/"))
				.filter((segment) -> !segment.isEmpty())
				.map((segment) -> URLDecoder.decode(segment, StandardCharsets.UTF_8))
				.toList();
			Request request = new Request(exchange.getRequestMethod(), "/" + String.join("/", segments),
					exchange.getRequestURI().getRawQuery(), headers, body);
			this.requests.add(request);
			if (this.down) {
				// Closed without an answer.
				return;
			}
			if (!("Bearer " + this.token).equals(request.header("Authorization"))) {
				answer(exchange, 401, problem(401, "The control-plane token is missing or wrong"));
				return;
			}
			answer(exchange, segments, request);
		}
		catch (IOException ex) {
			// The client gave up waiting, as a test wanted.
		}
	}

	private synchronized void answer(HttpExchange exchange, List<String> segments, Request request) throws IOException {
		String method = request.method();
		if (segments.size() < 2 || !segments.get(0).equals("async")) {
			answer(exchange, 404, problem(404, "No such endpoint"));
		}
		else if (segments.get(1).equals("triggers") && segments.size() == 3 && method.equals("POST")) {
			trigger(exchange, segments.get(2), request);
		}
		else if (!segments.get(1).equals("dead-letters")) {
			answer(exchange, 404, problem(404, "No such endpoint"));
		}
		else if (segments.size() == 2 && method.equals("GET")) {
			int limit = limit(request.query());
			answer(exchange, 200,
					"[" + String.join(",",
							this.deadLetters.values()
								.stream()
								.filter(DeadLetter::dead)
								.limit(limit)
								.map(DeadLetter::listed)
								.toList())
							+ "]");
		}
		else if (segments.size() == 3 && segments.get(2).equals("redrive") && method.equals("POST")) {
			long redriven = this.deadLetters.values().stream().filter(DeadLetter::dead).count();
			this.deadLetters.values().removeIf(DeadLetter::dead);
			answer(exchange, 200, "{\"redriven\": " + redriven + "}");
		}
		else if (segments.size() == 3 && method.equals("GET")) {
			DeadLetter letter = this.deadLetters.get(segments.get(2));
			if (letter == null) {
				answer(exchange, 404, problem(404, "No invocation " + segments.get(2)));
				return;
			}
			answer(exchange, 200, letter.record());
		}
		else if (segments.size() == 4 && segments.get(3).equals("redrive") && method.equals("POST")) {
			DeadLetter letter = this.deadLetters.get(segments.get(2));
			if (letter == null) {
				answer(exchange, 404, problem(404, "No invocation " + segments.get(2)));
			}
			else if (!letter.dead()) {
				answer(exchange, 409, problem(409,
						"Invocation " + letter.id() + " is " + letter.status() + ", not failed or dead-lettered"));
			}
			else {
				this.deadLetters.remove(letter.id());
				answer(exchange, 200, """
						{"id": "%s", "function": "%s", "status": "queued", "attempts": 0, "maxRetries": 3,
						 "createdAt": "2026-01-01T10:00:00Z", "updatedAt": "%s"}""".formatted(letter.id(),
						letter.function(), Instant.now()));
			}
		}
		else {
			answer(exchange, 404, problem(404, "No such endpoint"));
		}
	}

	private void trigger(HttpExchange exchange, String definition, Request request) throws IOException {
		if (definition.equals("missing")) {
			answer(exchange, 404, problem(404, "No function 'missing'"));
			return;
		}
		if (this.failures.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
			answer(exchange, this.failureStatus, problem(this.failureStatus, "Failing as told"));
			return;
		}
		String key = request.header("Idempotency-Key");
		String id = (key != null) ? this.invocations.computeIfAbsent(key, (any) -> UUID.randomUUID().toString())
				: UUID.randomUUID().toString();
		answer(exchange, 202, """
				{"id": "%s", "function": "%s", "route": null, "status": "queued", "attempts": 0, "maxRetries": 3,
				 "createdAt": "%s", "updatedAt": "%s"}""".formatted(id, definition.replace('|', ','), Instant.now(),
				Instant.now()));
	}

	private static int limit(String query) {
		if (query != null) {
			for (String parameter : query.split("&")) {
				if (parameter.startsWith("limit=")) {
					return Integer.parseInt(parameter.substring("limit=".length()));
				}
			}
		}
		return 50;
	}

	private static String problem(int status, String detail) {
		return """
				{"type": "urn:frontline:problem:stub", "title": "Refused", "status": %d, "detail": "%s"}"""
			.formatted(status, detail);
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders()
			.set("Content-Type", (status >= 400) ? "application/problem+json" : "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/**
	 * A call the runtime received.
	 *
	 * @param method its method
	 * @param path its path, decoded, such as {@code /async/triggers/report|mail}
	 * @param query its raw query, or {@code null}
	 * @param headers its headers, by lower-case name; the first value of each
	 * @param body its body
	 */
	public record Request(String method, String path, String query, Map<String, String> headers, String body) {

		/** The first value of a header, by any case of its name. */
		public String header(String name) {
			return this.headers.get(name.toLowerCase());
		}

	}

	private record DeadLetter(String id, String function, String status, Instant at, String input, String lastError) {

		boolean dead() {
			return this.status.equals("dead_lettered") || this.status.equals("failed");
		}

		String listed() {
			return """
					{"id": "%s", "function": "%s", "route": "orders", "status": "%s",
					 "reason": "retries_exhausted", "attempts": 4, "maxRetries": 3, "redrives": 0,
					 "caller": "alice", "createdAt": "%s", "deadLetteredAt": "%s", "lastError": %s,
					 "somethingNew": {"the console": "ignores it"}}""".formatted(this.id, this.function, this.status,
					this.at.minusSeconds(60), this.at, this.lastError);
		}

		String record() {
			return """
					{"id": "%s", "function": "%s", "route": "orders", "status": "%s",
					 "reason": "retries_exhausted", "attempts": 4, "maxRetries": 3, "redrives": 0,
					 "caller": {"subject": "alice", "scopes": []}, "idempotencyKey": null,
					 "input": %s, "createdAt": "%s", "finishedAt": "%s", "deadLetteredAt": "%s",
					 "lastError": %s}""".formatted(this.id, this.function, this.status, this.input,
					this.at.minusSeconds(60), this.at, this.at, this.lastError);
		}

	}

}
