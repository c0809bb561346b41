package dev.frontline.functions.backend;

import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.frontline.functions.fanout.Branch;
import dev.frontline.functions.fanout.FanOut;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;

class BackendGuardTests {

	private final CircuitBreaker circuitBreaker = CircuitBreaker.of("catalog",
			CircuitBreakerConfig.custom()
				.slidingWindowSize(4)
				.minimumNumberOfCalls(4)
				.failureRateThreshold(50)
				.waitDurationInOpenState(Duration.ofSeconds(30))
				.build());

	private final Bulkhead bulkhead = Bulkhead.of("catalog",
			BulkheadConfig.custom().maxConcurrentCalls(1).maxWaitDuration(Duration.ZERO).build());

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final BackendGuard guard = new BackendGuard("catalog",
			new BackendsProperties.Backend(URI.create("http://catalog"), Duration.ofMillis(200),
					Duration.ofMillis(100)),
			this.circuitBreaker,
			Retry.of("catalog", RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ofMillis(1)).build()),
			this.bulkhead, new BackendCallMetrics(this.meters));

	private final AtomicInteger calls = new AtomicInteger();

	@Test
	void repeatsAnIdempotentCallOnceAfterATransientFailure() {
		Mono<String> call = answers(failure(503), Mono.just("p1"));
		StepVerifier.create(this.guard.guard(HttpMethod.GET, call)).expectNext("p1").verifyComplete();
		assertThat(this.calls).hasValue(2);
	}

	@Test
	void repeatsAfterAConnectionFailure() {
		Mono<String> call = answers(Mono.error(unreachable()), Mono.just("p1"));
		StepVerifier.create(this.guard.guard(HttpMethod.GET, call)).expectNext("p1").verifyComplete();
		assertThat(this.calls).hasValue(2);
	}

	@Test
	void neverRepeatsACallThatIsNotIdempotent() {
		Mono<String> call = answers(failure(503), Mono.just("p1"));
		StepVerifier.create(this.guard.guard(HttpMethod.POST, call))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(BackendUnavailable.class)
				.hasMessage("502 The catalog backend answered 503 Service Unavailable"));
		assertThat(this.calls).hasValue(1);
	}

	@Test
	void doesNotRepeatACallThatTimedOut() {
		Mono<String> call = answers(Mono.never(), Mono.just("p1"));
		StepVerifier.create(this.guard.guard(HttpMethod.GET, call))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(BackendTimedOut.class)
				.hasMessage("504 The catalog backend did not answer within 200 ms"));
		assertThat(this.calls).hasValue(1);
	}

	@Test
	void completesEmptyWhenTheBackendKnowsNoSuchEntity() {
		StepVerifier.create(this.guard.guard(HttpMethod.GET, answers(failure(404)))).verifyComplete();
		assertThat(this.calls).hasValue(1);
		assertThat(this.circuitBreaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
	}

	@Test
	void neitherRepeatsNorCountsAgainstTheBackendARefusedRequest() {
		for (int i = 0; i < 6; i++) {
			StepVerifier.create(this.guard.guard(HttpMethod.GET, answers(failure(400))))
				.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(BackendUnavailable.class)
					.hasMessage("502 The catalog backend answered 400 Bad Request"));
		}
		assertThat(this.calls).hasValue(6);
		assertThat(this.circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void opensTheCircuitAfterFailuresAndThenStopsCalling() {
		for (int i = 0; i < 2; i++) {
			StepVerifier.create(this.guard.guard(HttpMethod.GET, answers(failure(500))))
				.verifyError(BackendUnavailable.class);
		}
		StepVerifier.create(this.guard.guard(HttpMethod.GET, answers(failure(503), failure(503))))
			.verifyError(BackendUnavailable.class);
		assertThat(this.circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		int before = this.calls.get();
		StepVerifier.create(this.guard.guard(HttpMethod.GET, answers(Mono.just("p1"))))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(BackendCircuitOpen.class,
					(open) -> assertThat(Long.parseLong(open.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
						.isBetween(29L, 30L)));
		assertThat(this.calls).hasValue(before);
	}

	@Test
	void refusesACallBeyondTheBulkheadAtOnce() {
		assertThat(this.bulkhead.tryAcquirePermission()).isTrue();
		StepVerifier.create(this.guard.guard(HttpMethod.GET, answers(Mono.just("p1"))))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(BackendBusy.class)
				.hasMessage("503 The catalog backend already has 1 calls in flight"));
		assertThat(this.calls).hasValue(0);
		this.bulkhead.onComplete();
	}

	@Test
	void timesTheWholeAnswerOfAFlux() {
		Flux<String> slowSecondValue = Flux.concat(Mono.just("a"), Mono.delay(Duration.ofMillis(150)).thenReturn("b"),
				Mono.delay(Duration.ofMillis(150)).thenReturn("c"));
		StepVerifier.create(this.guard.guard(HttpMethod.GET, slowSecondValue)).verifyError(BackendTimedOut.class);
	}

	@Test
	void recordsEachCallWithItsOutcome() {
		StepVerifier.create(this.guard.guard(HttpMethod.GET, answers(Mono.just("p1"))))
			.expectNext("p1")
			.verifyComplete();
		StepVerifier.create(this.guard.guard(HttpMethod.GET, answers(failure(404)))).verifyComplete();
		StepVerifier.create(this.guard.guard(HttpMethod.POST, answers(failure(500)))).verifyError();
		assertThat(this.meters.get("frontline.backend.calls")
			.tags("backend", "catalog", "outcome", "success")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.get("frontline.backend.calls")
			.tags("backend", "catalog", "outcome", "client_error")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.get("frontline.backend.calls")
			.tags("backend", "catalog", "outcome", "server_error")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void countsACallCutOffByItsPartTimeoutAsATimedOutCall() {
		// The part may take 50 ms, the backend's own timeout is 200 ms: the part's
		// timeout
		// ends each call, and the circuit breaker counts it as failed.
		for (int i = 0; i < 4; i++) {
			Branch<String> recommendations = Branch
				.optional("recommendations", this.guard.guard(HttpMethod.GET, answers(Mono.<String>never())), "none")
				.timeout(Duration.ofMillis(50));
			StepVerifier.create(FanOut.of(recommendations).join())
				.assertNext((result) -> assertThat(result.missing()).containsExactly("recommendations"))
				.expectComplete()
				.verify(Duration.ofSeconds(5));
		}
		assertThat(this.calls).hasValue(4);
		assertThat(this.circuitBreaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(4);
		assertThat(this.circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(this.meters.get("frontline.backend.calls")
			.tags("backend", "catalog", "outcome", "timeout")
			.timer()
			.count()).isEqualTo(4);
		assertThat(this.meters.find("frontline.backend.calls").tags("outcome", "cancelled").timer()).isNull();
		// Open, it fails the next call without calling the backend.
		StepVerifier.create(this.guard.guard(HttpMethod.GET, answers(Mono.just("p1"))))
			.verifyError(BackendCircuitOpen.class);
		assertThat(this.calls).hasValue(4);
		assertThat(this.bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(1);
	}

	@Test
	void reportsACallCutOffByItsPartTimeoutAsTimedOutToTheCallItself() {
		Mono<String> guarded = this.guard.guard(HttpMethod.GET, answers(Mono.<String>never()))
			.onErrorResume(BackendTimedOut.class, (ex) -> Mono.just(String.valueOf(ex.getMessage())));
		Branch<String> recommendations = Branch.required("recommendations", guarded).timeout(Duration.ofMillis(50));
		StepVerifier.create(FanOut.of(recommendations).join((result) -> result.get(recommendations)))
			.expectNext("504 The catalog backend did not answer within the 50 ms the recommendations part may take")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void countsNothingAgainstTheBackendWhenAFanOutStopsWaitingForAnotherReason() {
		// A required part fails while the call is in flight: the call is cancelled, and
		// tells nothing about the backend.
		for (int i = 0; i < 4; i++) {
			Branch<String> profile = Branch.required("profile",
					Mono.delay(Duration.ofMillis(30)).then(Mono.error(new IllegalStateException("profile down"))));
			Branch<String> recommendations = Branch.optional("recommendations",
					this.guard.guard(HttpMethod.GET, answers(Mono.<String>never())), "none");
			StepVerifier.create(FanOut.of(profile, recommendations).join())
				.expectErrorMessage("profile down")
				.verify(Duration.ofSeconds(5));
		}
		assertThat(this.calls).hasValue(4);
		assertThat(this.circuitBreaker.getMetrics().getNumberOfBufferedCalls()).isZero();
		assertThat(this.circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(this.meters.get("frontline.backend.calls")
			.tags("backend", "catalog", "outcome", "cancelled")
			.timer()
			.count()).isEqualTo(4);
		assertThat(this.bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(1);
	}

	// Each subscription is one call to the backend, answered by the next answer.
	@SafeVarargs
	private <T> Mono<T> answers(Mono<T>... answers) {
		return Mono.defer(() -> answers[Math.min(this.calls.getAndIncrement(), answers.length - 1)]);
	}

	private static <T> Mono<T> failure(int status) {
		return Mono.error(WebClientResponseException.create(status, "", new HttpHeaders(),
				"{}".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
	}

	private static WebClientRequestException unreachable() {
		return new WebClientRequestException(new ConnectException("Connection refused"), HttpMethod.GET,
				URI.create("http://catalog/products/p1"), new HttpHeaders());
	}

}
