package dev.frontline.functions.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Times every call of a published function (or composition), as the timer {@value #NAME}
 * with a percentile histogram, tagged {@code function} (the definition, such as
 * {@code homePage,mobileView}) and {@code outcome}: {@code success}, {@code client_error}
 * (4xx), {@code server_error} (5xx) or {@code cancelled} (the caller stopped waiting).
 * Only definitions that name published functions are timed, and only calls that carry a
 * valid passport get here, so the definitions are the ones the gateway's routes name.
 */
class FunctionInvocationMetrics {

	/**
	 * The name of the timer.
	 */
	static final String NAME = "frontline.function.invocations";

	private final MeterRegistry registry;

	FunctionInvocationMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	Mono<Void> timed(String function, ServerWebExchange exchange, Mono<Void> invocation) {
		return Mono.defer(() -> {
			Timer.Sample sample = Timer.start(this.registry);
			AtomicBoolean recorded = new AtomicBoolean();
			return invocation
				.doOnSuccess(
						(done) -> record(sample, recorded, function, outcome(exchange.getResponse().getStatusCode())))
				.doOnError((ex) -> record(sample, recorded, function, outcome(status(ex))))
				.doOnCancel(() -> record(sample, recorded, function, "cancelled"));
		});
	}

	private void record(Timer.Sample sample, AtomicBoolean recorded, String function, String outcome) {
		if (recorded.compareAndSet(false, true)) {
			sample.stop(Timer.builder(NAME)
				.description("Calls of published functions")
				.tag("function", function)
				.tag("outcome", outcome)
				.publishPercentileHistogram()
				.minimumExpectedValue(Duration.ofMillis(1))
				.maximumExpectedValue(Duration.ofSeconds(30))
				.register(this.registry));
		}
	}

	private static String outcome(@Nullable HttpStatusCode status) {
		if (status == null || status.is2xxSuccessful() || status.is3xxRedirection()) {
			return "success";
		}
		return status.is4xxClientError() ? "client_error" : "server_error";
	}

	// As the problem handler will answer: the status of the problem the failure carries,
	// else 500.
	private static HttpStatusCode status(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ErrorResponse response) {
				return response.getStatusCode();
			}
		}
		return HttpStatusCode.valueOf(500);
	}

}
