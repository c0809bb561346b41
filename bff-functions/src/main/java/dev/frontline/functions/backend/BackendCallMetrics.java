package dev.frontline.functions.backend;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.ConnectTimeoutException;
import reactor.core.publisher.Mono;

import org.springframework.core.codec.CodecException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Times every backend call, retries and waits included, as the timer {@value #NAME},
 * tagged {@code backend} (its configured name) and {@code outcome}: {@code success},
 * {@code client_error} (a 4xx answer, 404 included), {@code server_error} (a 5xx answer
 * or an unreadable body), {@code timeout} (past the backend's timeout, or past the
 * timeout of the fan-out part the call was made for), {@code unreachable},
 * {@code circuit_open}, {@code bulkhead_full}, {@code cancelled} (the caller stopped
 * waiting for another reason, as a fan-out does for its other parts when a required one
 * fails) or {@code error}. Its latency buckets are those of every {@code frontline.*}
 * timer, {@code management.metrics.distribution.slo.frontline} in
 * {@code application.yaml}.
 */
class BackendCallMetrics {

	/**
	 * The name of the timer.
	 */
	static final String NAME = "frontline.backend.calls";

	private final MeterRegistry registry;

	BackendCallMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	<T> Mono<T> timed(String backend, Mono<T> call) {
		return Mono.defer(() -> {
			Timer.Sample sample = Timer.start(this.registry);
			AtomicBoolean recorded = new AtomicBoolean();
			return call.doOnSuccess((value) -> record(sample, recorded, backend, "success"))
				.doOnError((ex) -> record(sample, recorded, backend, outcome(ex)))
				.doOnCancel(() -> record(sample, recorded, backend, "cancelled"));
		});
	}

	private void record(Timer.Sample sample, AtomicBoolean recorded, String backend, String outcome) {
		if (recorded.compareAndSet(false, true)) {
			sample.stop(Timer.builder(NAME)
				.description("Calls from functions to a backend, retries included")
				.tag("backend", backend)
				.tag("outcome", outcome)
				.register(this.registry));
		}
	}

	private static String outcome(Throwable ex) {
		if (ex instanceof WebClientResponseException response) {
			return response.getStatusCode().is4xxClientError() ? "client_error" : "server_error";
		}
		if (ex instanceof TimeoutException || ex.getCause() instanceof ConnectTimeoutException) {
			return "timeout";
		}
		if (ex instanceof WebClientRequestException) {
			return "unreachable";
		}
		if (ex instanceof CallNotPermittedException) {
			return "circuit_open";
		}
		if (ex instanceof BulkheadFullException) {
			return "bulkhead_full";
		}
		if (ex instanceof CodecException) {
			return "server_error";
		}
		return "error";
	}

}
