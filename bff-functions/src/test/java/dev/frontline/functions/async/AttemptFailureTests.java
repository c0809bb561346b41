package dev.frontline.functions.async;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptFailureTests {

	private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Test
	void retriesAServerErrorAndKeepsItsProblem() {
		AttemptFailure failure = AttemptFailure.of(new AsyncTestFunctions.Refusal(502, null), 2, TIMEOUT, NOW);
		assertThat(failure.retryable()).isTrue();
		assertThat(failure.retryAfter()).isNull();
		assertThat(failure.error()).isEqualTo(new AttemptError("urn:frontline:problem:refusal", "Refusal", 502,
				"The test function refused with 502", 2));
	}

	@Test
	void doesNotRetryAClientError() {
		AttemptFailure failure = AttemptFailure.of(new AsyncTestFunctions.Refusal(404, null), 1, TIMEOUT, NOW);
		assertThat(failure.retryable()).isFalse();
		assertThat(failure.error().status()).isEqualTo(404);
	}

	@Test
	void retriesTooManyRequestsAndRequestTimeouts() {
		assertThat(AttemptFailure.of(new AsyncTestFunctions.Refusal(429, null), 1, TIMEOUT, NOW).retryable()).isTrue();
		assertThat(AttemptFailure.of(new AsyncTestFunctions.Refusal(408, null), 1, TIMEOUT, NOW).retryable()).isTrue();
	}

	@Test
	void namesAProblemWithoutTypeByItsStatus() {
		AttemptFailure failure = AttemptFailure.of(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE), 1,
				TIMEOUT, NOW);
		assertThat(failure.error().type()).isEqualTo("urn:frontline:problem:service-unavailable");
		assertThat(failure.retryable()).isTrue();
	}

	@Test
	void readsRetryAfterInSecondsOrAsADate() {
		assertThat(AttemptFailure.of(new AsyncTestFunctions.Refusal(503, 7), 1, TIMEOUT, NOW).retryAfter())
			.isEqualTo(Duration.ofSeconds(7));
		assertThat(AttemptFailure.retryAfter("Mon, 05 Jan 2026 10:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
		assertThat(AttemptFailure.retryAfter("soon", NOW)).isNull();
		assertThat(AttemptFailure.retryAfter("-1", NOW)).isNull();
	}

	@Test
	void retriesATimedOutAttempt() {
		AttemptFailure failure = AttemptFailure.of(Exceptions.propagate(new TimeoutException()), 3, TIMEOUT, NOW);
		assertThat(failure.retryable()).isTrue();
		assertThat(failure.error().type()).isEqualTo("urn:frontline:problem:async-attempt-timed-out");
		assertThat(failure.error().status()).isEqualTo(504);
		assertThat(failure.error().detail()).contains("30000 ms");
	}

	@Test
	void retriesAnUnexpectedFailureWithoutTellingItsCause() {
		AttemptFailure failure = AttemptFailure.of(new IllegalStateException("secret table name"), 1, TIMEOUT, NOW);
		assertThat(failure.retryable()).isTrue();
		assertThat(failure.error().status()).isEqualTo(500);
		assertThat(failure.error().detail()).doesNotContain("secret");
	}

	@Test
	void retriesAnAttemptOfAStoppingRuntime() {
		AttemptFailure failure = AttemptFailure.of(Exceptions.propagate(new InterruptedException()), 1, TIMEOUT, NOW);
		assertThat(failure.retryable()).isTrue();
		assertThat(failure.error().type()).isEqualTo("urn:frontline:problem:async-attempt-interrupted");
	}

	@Test
	void keepsTheHeadersOfTheProblem() {
		AsyncTestFunctions.Refusal refusal = new AsyncTestFunctions.Refusal(503, 2);
		assertThat(refusal.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
	}

}
