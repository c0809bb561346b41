package dev.frontline.gateway.metrics;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.frontline.contract.Variant;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;

/**
 * Records the gateway's request metrics, every one with bounded tags only (never a path,
 * a user or a client), and with fixed histogram buckets so that percentiles can be
 * computed across gateways:
 * <ul>
 * <li>{@value #REQUESTS}: every answered request, by {@code route}, {@code variant},
 * {@code method}, {@code status} (class) and {@code outcome};</li>
 * <li>{@value #UPSTREAM}: the time forwarded requests waited on their target, by
 * {@code route}, {@code variant} and {@code outcome} of the last attempt;</li>
 * <li>{@value #INTERNAL}: the rest of each request's time, the gateway's own, by
 * {@code route}.</li>
 * </ul>
 * Requests that matched no route have route and variant {@value #NONE}. The buckets can
 * be changed with {@code management.metrics.distribution.slo.<name>}.
 */
final class RequestMetrics implements AnsweredRequestListener {

	static final String REQUESTS = "frontline.gateway.requests";

	static final String UPSTREAM = "frontline.gateway.upstream";

	static final String INTERNAL = "frontline.gateway.internal";

	/** The route and variant of requests that matched no route. */
	static final String NONE = "none";

	/** The method of requests with any other method than the standard ones. */
	static final String OTHER_METHOD = "OTHER";

	/** Bounds of the buckets of request and upstream times. */
	static final Duration[] LATENCY_BUCKETS = millis(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000);

	/** Bounds of the buckets of the gateway's own time, mostly a few milliseconds. */
	static final Duration[] INTERNAL_BUCKETS = millis(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000);

	private static final Set<HttpMethod> STANDARD_METHODS = Set.of(HttpMethod.values());

	private final Meter.MeterProvider<Timer> requests;

	private final Meter.MeterProvider<Timer> upstream;

	private final Meter.MeterProvider<Timer> internal;

	RequestMetrics(MeterRegistry meters) {
		this.requests = Timer.builder(REQUESTS)
			.description("Requests answered by the gateway, from their arrival to the status and headers of the answer")
			.serviceLevelObjectives(LATENCY_BUCKETS)
			.withRegistry(meters);
		this.upstream = Timer.builder(UPSTREAM)
			.description("Time forwarded requests waited on their target for the status and headers of its answer, "
					+ "over every attempt")
			.serviceLevelObjectives(LATENCY_BUCKETS)
			.withRegistry(meters);
		this.internal = Timer.builder(INTERNAL)
			.description("Time the gateway spent on requests itself: their whole time less the wait on the target")
			.serviceLevelObjectives(INTERNAL_BUCKETS)
			.withRegistry(meters);
	}

	@Override
	public void answered(ServerWebExchange exchange, AnsweredRequest request) {
		String route = (request.route() != null) ? request.route() : NONE;
		Variant side = request.variant();
		String variant = (side != null) ? side.label() : NONE;
		this.requests
			.withTags("route", route, "variant", variant, "method", method(request.method()), "status",
					statusClass(request.status()), "outcome", request.outcome().tag())
			.record(request.latencyNanos(), TimeUnit.NANOSECONDS);
		Outcome upstreamOutcome = request.upstreamOutcome();
		if (upstreamOutcome != null) {
			this.upstream.withTags("route", route, "variant", variant, "outcome", upstreamOutcome.tag())
				.record(request.upstreamNanos(), TimeUnit.NANOSECONDS);
		}
		this.internal.withTags("route", route).record(request.internalNanos(), TimeUnit.NANOSECONDS);
	}

	static String method(HttpMethod method) {
		return STANDARD_METHODS.contains(method) ? method.name() : OTHER_METHOD;
	}

	static String statusClass(int status) {
		return switch (status / 100) {
			case 1 -> "1xx";
			case 2 -> "2xx";
			case 3 -> "3xx";
			case 4 -> "4xx";
			default -> "5xx";
		};
	}

	private static Duration[] millis(double... bounds) {
		Duration[] durations = new Duration[bounds.length];
		for (int i = 0; i < bounds.length; i++) {
			durations[i] = Duration.ofNanos(Math.round(bounds[i] * 1_000_000));
		}
		return durations;
	}

	@Override
	public String toString() {
		return "RequestMetrics";
	}

}
