package dev.frontline.functions.backend;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import dev.frontline.functions.fanout.PartDeadline;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.netty.channel.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.codec.CodecException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Every call to one backend, whichever client makes it, passes here. From the outside in:
 * <ol>
 * <li>the backend's bulkhead limits how many calls are in flight at once; a call beyond
 * that fails at once with {@link BackendBusy} (503);</li>
 * <li>its retry repeats a call of an idempotent method (GET, HEAD, OPTIONS, PUT, DELETE)
 * after a transient failure: the backend could not be reached or answered 502, 503 or
 * 504;</li>
 * <li>its circuit breaker counts failed attempts and, once it opens, fails calls without
 * calling the backend ({@link BackendCircuitOpen}, 503 with {@code Retry-After});</li>
 * <li>each attempt is limited by the backend's timeout ({@link BackendTimedOut}, 504),
 * and by the time left to the fan-out part it is made for, if any: an attempt in flight
 * when the part's {@link PartDeadline} passes ends as timed out, and the circuit breaker
 * counts it as failed, so that a backend slower than the parts it serves opens its
 * circuit even when its own timeout is longer.</li>
 * </ol>
 * A 404 completes the call empty ("no such entity"); any other failure becomes
 * {@link BackendUnavailable} (502). An answer with a 4xx status tells nothing about the
 * backend's health, so the circuit breaker counts it as a success and it is not asked
 * again; a timeout is not asked again either, since a second attempt would double the
 * wait. A call cancelled for another reason, as a fan-out cancels its other parts when a
 * required one fails, tells nothing about the backend and counts neither way.
 */
class BackendGuard {

	private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.PUT, HttpMethod.DELETE);

	private static final Set<Integer> TRANSIENT_STATUSES = Set.of(502, 503, 504);

	private final String backend;

	private final BackendsProperties.Backend settings;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final Bulkhead bulkhead;

	private final BackendCallMetrics metrics;

	private volatile Instant openedAt = Instant.EPOCH;

	BackendGuard(String backend, BackendsProperties.Backend settings, CircuitBreaker circuitBreaker, Retry retry,
			Bulkhead bulkhead, BackendCallMetrics metrics) {
		this.backend = backend;
		this.settings = settings;
		this.circuitBreaker = circuitBreaker;
		this.retry = retry;
		this.bulkhead = bulkhead;
		this.metrics = metrics;
		circuitBreaker.getEventPublisher().onStateTransition((event) -> {
			if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
				this.openedAt = event.getCreationTime().toInstant();
			}
		});
	}

	/**
	 * Guards a call that answers one value, or nothing.
	 * @param method the HTTP method of the call, which decides whether it may be repeated
	 * @param exchange the call; subscribing to it again makes the call again
	 * @return the guarded call
	 */
	<T> Mono<T> guard(@Nullable HttpMethod method, Mono<T> exchange) {
		return Mono.deferContextual((context) -> {
			SettledAnswer settled = new SettledAnswer();
			PartDeadline part = PartDeadline.current(context).orElse(null);
			Mono<T> attempt = withinPart(exchange.timeout(this.settings.timeout()), part)
				.onErrorResume(BackendGuard::isAnswer, settled::keep)
				.transformDeferred(CircuitBreakerOperator.of(this.circuitBreaker));
			Mono<T> call = (method != null && IDEMPOTENT.contains(method))
					? attempt.onErrorResume((ex) -> !isTransient(ex), settled::keep)
						.transformDeferred(RetryOperator.of(this.retry))
					: attempt;
			return call.transformDeferred(BulkheadOperator.of(this.bulkhead))
				.switchIfEmpty(Mono.defer(settled::answer))
				.transform((timed) -> this.metrics.timed(this.backend, timed));
		}).onErrorResume(WebClientResponseException.NotFound.class, (ex) -> Mono.empty()).onErrorMap(this::translate);
	}

	/**
	 * Guards a call that answers several values. They are gathered before they are handed
	 * on, so that the timeout limits the whole answer and a repeated call cannot hand on
	 * a value twice.
	 * @param method the HTTP method of the call
	 * @param exchange the call
	 * @return the guarded call
	 */
	<T> Flux<T> guard(@Nullable HttpMethod method, Flux<T> exchange) {
		return guard(method, exchange.collectList()).flatMapIterable((values) -> values);
	}

	// An attempt in flight when the time of the fan-out part it is made for is up ends as
	// timed out rather than being cancelled, so that the circuit breaker counts it. One
	// that starts later is left to be cancelled: the backend has not had its chance.
	private static <T> Mono<T> withinPart(Mono<T> attempt, @Nullable PartDeadline part) {
		if (part == null) {
			return attempt;
		}
		return Mono.defer(() -> part.hasPassed() ? attempt : Mono.firstWithSignal(attempt,
				part.whenPassed().flatMap((passed) -> Mono.error(new PartDeadlinePassed(passed)))));
	}

	// An answer from the backend, even an unwelcome one, shows that it works.
	private static boolean isAnswer(Throwable ex) {
		return ex instanceof WebClientResponseException response && response.getStatusCode().is4xxClientError();
	}

	private static boolean isTransient(Throwable ex) {
		return ex instanceof WebClientRequestException || (ex instanceof WebClientResponseException response
				&& TRANSIENT_STATUSES.contains(response.getStatusCode().value()));
	}

	private Throwable translate(Throwable ex) {
		if (ex instanceof CallNotPermittedException) {
			return new BackendCircuitOpen(this.backend, retryAfter());
		}
		if (ex instanceof BulkheadFullException) {
			return new BackendBusy(this.backend, this.bulkhead.getBulkheadConfig().getMaxConcurrentCalls());
		}
		if (ex instanceof PartDeadlinePassed passed) {
			return new BackendTimedOut(this.backend, "did not answer within the " + millis(passed.deadline.limit())
					+ " the " + passed.deadline.part() + " part may take");
		}
		if (ex instanceof TimeoutException) {
			return new BackendTimedOut(this.backend, "did not answer within " + millis(this.settings.timeout()));
		}
		if (hasCause(ex, ConnectTimeoutException.class)) {
			return new BackendTimedOut(this.backend,
					"did not accept a connection within " + millis(this.settings.effectiveConnectTimeout()));
		}
		if (ex instanceof WebClientResponseException response) {
			HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
			return new BackendUnavailable(this.backend, "answered " + response.getStatusCode().value()
					+ ((status != null) ? " " + status.getReasonPhrase() : ""));
		}
		if (ex instanceof WebClientRequestException) {
			return new BackendUnavailable(this.backend, "could not be reached");
		}
		if (ex instanceof CodecException) {
			return new BackendUnavailable(this.backend, "answered with a body that could not be read");
		}
		return ex;
	}

	// The circuit breaker does not tell when it lets calls through again; the time it
	// opened and how long it stays open do.
	private Duration retryAfter() {
		long openMillis = this.circuitBreaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
		Duration open = Duration.ofMillis(openMillis);
		Duration left = Duration.between(Instant.now(), this.openedAt.plus(open));
		return (left.isNegative() || left.compareTo(open) > 0) ? open : left;
	}

	private static String millis(Duration duration) {
		return duration.toMillis() + " ms";
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The time of the fan-out part an attempt was made for was up before the backend
	 * answered: a timeout, for the circuit breaker as for the metrics.
	 */
	private static final class PartDeadlinePassed extends TimeoutException {

		private final transient PartDeadline deadline;

		PartDeadlinePassed(PartDeadline deadline) {
			super("No answer within the " + deadline.limit().toMillis() + " ms the " + deadline.part()
					+ " part may take");
			this.deadline = deadline;
		}

	}

	/**
	 * The answer that ended a call without counting against the backend: the circuit
	 * breaker and the retry see the call complete, and the answer is handed on after
	 * them. One per call.
	 */
	private static final class SettledAnswer {

		private volatile @Nullable Throwable answer;

		<T> Mono<T> keep(Throwable answer) {
			this.answer = answer;
			return Mono.empty();
		}

		<T> Mono<T> answer() {
			Throwable kept = this.answer;
			return (kept != null) ? Mono.error(kept) : Mono.empty();
		}

	}

}
