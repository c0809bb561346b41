package dev.frontline.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One storefront backend on its own port: its endpoints answer after the configured
 * latency unless a fault says otherwise, and are timed; {@code /health},
 * {@code /__faults} and {@code /actuator/prometheus} answer at once. Each storefront
 * answer is logged at DEBUG on {@value #REQUEST_LOGGER}, with the trace id of the
 * caller's {@code traceparent}.
 */
final class BackendServer {

	/**
	 * The logger of the request lines.
	 */
	static final String REQUEST_LOGGER = "dev.frontline.demo.requests";

	private static final Logger logger = LoggerFactory.getLogger(BackendServer.class);

	private static final Logger requestLogger = LoggerFactory.getLogger(REQUEST_LOGGER);

	// Record components keep their declared order, as in the documented examples; a typo
	// in
	// a fault setting is refused rather than silently ignored.
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);

	private final String name;

	private final List<Endpoint> endpoints;

	private final Duration minLatency;

	private final Duration maxLatency;

	private final Faults faults;

	private final BackendMetrics metrics;

	BackendServer(String name, List<Endpoint> endpoints, Duration minLatency, Duration maxLatency, Faults faults,
			BackendMetrics metrics) {
		this.name = name;
		this.endpoints = endpoints;
		this.minLatency = minLatency;
		this.maxLatency = maxLatency;
		this.faults = faults;
		this.metrics = metrics;
	}

	DisposableServer bind(String host, int port) {
		return HttpServer.create().host(host).port(port).route(this::routes).bindNow(BIND_TIMEOUT);
	}

	private void routes(HttpServerRoutes routes) {
		routes.get("/health",
				(request, response) -> send(response, Reply.ok(Map.of("status", "UP", "backend", this.name))));
		routes.get("/actuator/prometheus",
				(request, response) -> response.status(200)
					.header("Content-Type", BackendMetrics.CONTENT_TYPE)
					.sendString(Mono.fromSupplier(this.metrics::scrape))
					.then());
		routes.get("/__faults", (request, response) -> send(response, Reply.ok(this.faults.current())));
		routes.put("/__faults",
				(request, response) -> request.receive()
					.aggregate()
					.asString()
					.defaultIfEmpty("{}")
					.map(this::changeFaults)
					.flatMap((reply) -> send(response, reply)));
		routes.delete("/__faults", (request, response) -> {
			this.faults.reset();
			logger.info("{} faults cleared", this.name);
			return send(response, Reply.noContent());
		});
		for (Endpoint endpoint : this.endpoints) {
			routes.get(endpoint.path(), (request, response) -> {
				long started = System.nanoTime();
				return answer(endpoint, request).flatMap((reply) -> {
					Duration took = Duration.ofNanos(System.nanoTime() - started);
					this.metrics.recordRequest(reply.status(), took);
					logRequest(request, reply, took);
					return send(response, reply);
				});
			});
		}
		routes.route((request) -> true, (request, response) -> send(response,
				Reply.problem(404, "not-found", "No resource at " + request.method() + " " + request.uri())));
	}

	private Mono<Reply> answer(Endpoint endpoint, HttpServerRequest request) {
		FaultSettings settings = this.faults.current();
		Duration delay = latency().plusMillis(settings.latencyMs());
		return Mono.delay(delay).map((tick) -> {
			if (settings.failsForVariant(request.requestHeaders().get(FaultSettings.VARIANT_HEADER))) {
				return Reply.problem(FaultSettings.CANARY_FAILURE_STATUS, "injected-fault",
						this.name + " failed the canary's request on purpose");
			}
			if (this.faults.failsNext(settings)) {
				return Reply.problem(settings.status(), "injected-fault", this.name + " failed on purpose");
			}
			return endpoint.handler().apply(request);
		}).onErrorResume((ex) -> {
			logger.warn("{} failed to answer {} (trace {})", this.name, request.uri(), traceId(request), ex);
			return Mono.just(Reply.problem(500, "internal-error", "The " + this.name + " backend failed"));
		});
	}

	private void logRequest(HttpServerRequest request, Reply reply, Duration took) {
		if (requestLogger.isDebugEnabled()) {
			requestLogger.debug("{} {} {} -> {} in {} ms (trace {})", this.name, request.method(), request.uri(),
					reply.status(), took.toMillis(), traceId(request));
		}
	}

	// A dash when the caller sent no trace, so that every line has the same fields.
	private static String traceId(HttpServerRequest request) {
		TraceParent trace = TraceParent.parse(request.requestHeaders().get(TraceParent.HEADER));
		return (trace != null) ? trace.traceId() : "-";
	}

	private Duration latency() {
		long min = this.minLatency.toMillis();
		long max = this.maxLatency.toMillis();
		return Duration.ofMillis((max > min) ? ThreadLocalRandom.current().nextLong(min, max + 1) : min);
	}

	private Reply changeFaults(String body) {
		try {
			FaultSettings settings = JSON.readValue(body, FaultSettings.Change.class).toSettings();
			this.faults.set(settings);
			logger.info("{} faults set to {}", this.name, settings);
			return Reply.ok(settings);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return Reply.problem(400, "malformed-request", "Invalid fault settings: " + ex.getMessage());
		}
	}

	private static Mono<Void> send(HttpServerResponse response, Reply reply) {
		response.status(reply.status());
		if (reply.body() == null) {
			return response.send().then();
		}
		byte[] json = JSON.writeValueAsBytes(reply.body());
		return response.header("Content-Type", reply.contentType()).sendByteArray(Mono.just(json)).then();
	}

}
