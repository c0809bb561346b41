package dev.frontline.functions.web;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.frontline.functions.fanout.MissingParts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Times every call of a published function (or composition) as the timer {@value #NAME},
 * tagged {@code function} (the definition, such as {@code homePage,mobileView}) and
 * {@code outcome}: {@code success}, {@code partial} (a success that misses optional
 * parts, marked {@code X-Frontline-Partial: true}), {@code client_error} (4xx),
 * {@code server_error} (5xx) or {@code cancelled} (the caller stopped waiting). Its
 * latency buckets are those of every {@code frontline.*} timer,
 * {@code management.metrics.distribution.slo.frontline} in {@code application.yaml}.
 * <p>
 * Only definitions that name published functions are timed, and only calls that carry a
 * valid passport get here, so the definitions are the ones the gateway's routes name;
 * {@link #tagLimit()} bounds them anyway, since compositions can be chained.
 */
class FunctionInvocationMetrics {

	/**
	 * The name of the timer.
	 */
	static final String NAME = "frontline.function.invocations";

	/**
	 * How many definitions are timed at most; calls of further ones are not.
	 */
	static final int MAX_FUNCTIONS = 200;

	private final MeterRegistry registry;

	FunctionInvocationMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Stops timing new definitions past {@link #MAX_FUNCTIONS}: a function that takes any
	 * JSON can follow any other, so a client could invent compositions without end.
	 * @return the filter
	 */
	static MeterFilter tagLimit() {
		return MeterFilter.maximumAllowableTags(NAME, "function", MAX_FUNCTIONS, MeterFilter.deny());
	}

	Mono<Void> timed(String function, ServerWebExchange exchange, MissingParts missing, Mono<Void> invocation) {
		return Mono.defer(() -> {
			Timer.Sample sample = Timer.start(this.registry);
			AtomicBoolean recorded = new AtomicBoolean();
			return invocation
				.doOnSuccess((done) -> record(sample, recorded, function,
						outcome(exchange.getResponse().getStatusCode(), missing)))
				.doOnError((ex) -> record(sample, recorded, function, outcome(status(ex), missing)))
				.doOnCancel(() -> record(sample, recorded, function, "cancelled"));
		});
	}

	private void record(Timer.Sample sample, AtomicBoolean recorded, String function, String outcome) {
		if (recorded.compareAndSet(false, true)) {
			sample.stop(Timer.builder(NAME)
				.description("Calls of published functions")
				.tag("function", function)
				.tag("outcome", outcome)
				.register(this.registry));
		}
	}

	// As the answer is marked: partial only when it succeeds without every part.
	private static String outcome(@Nullable HttpStatusCode status, MissingParts missing) {
		if (status == null || status.is2xxSuccessful()) {
			return missing.isEmpty() ? "success" : "partial";
		}
		if (status.is3xxRedirection()) {
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
