package dev.frontline.functions.async;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import dev.frontline.functions.problem.FunctionProblem;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A failed attempt, and whether another attempt may succeed. A problem with a 5xx status
 * (a backend down or too slow), 408 or 429 may pass, as may a timeout of the attempt, an
 * interruption of a stopping runtime, and any unexpected exception; another 4xx problem
 * (bad input, a missing entity, an anonymous caller where one must sign in) will not.
 *
 * @param error how it failed
 * @param retryable whether a retry may succeed
 * @param retryAfter how long the failure asked to wait ({@code Retry-After}), if it did
 */
record AttemptFailure(AttemptError error, boolean retryable, @Nullable Duration retryAfter) {

	private static final URI BLANK = URI.create("about:blank");

	/**
	 * Classifies the failure of an attempt.
	 * @param failure what the attempt failed with
	 * @param attempt which attempt it was
	 * @param timeout the time limit of an attempt
	 * @param now the time, against which a {@code Retry-After} date counts
	 */
	static AttemptFailure of(Throwable failure, int attempt, Duration timeout, Instant now) {
		Throwable ex = Exceptions.unwrap(failure);
		ErrorResponse response = find(ex);
		if (response != null) {
			int status = response.getStatusCode().value();
			ProblemDetail body = response.getBody();
			HttpStatus known = HttpStatus.resolve(status);
			String reason = (known != null) ? known.getReasonPhrase() : "HTTP " + status;
			URI type = body.getType();
			AttemptError error = new AttemptError(
					(type == null || BLANK.equals(type)) ? FunctionProblem.type(name(status, known)).toString()
							: type.toString(),
					(body.getTitle() != null) ? body.getTitle() : reason, status,
					(body.getDetail() != null) ? body.getDetail() : reason, attempt);
			boolean retryable = status >= 500 || status == 408 || status == 429;
			return new AttemptFailure(error, retryable,
					retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), now));
		}
		if (has(ex, TimeoutException.class)) {
			return new AttemptFailure(new AttemptError(FunctionProblem.type("async-attempt-timed-out").toString(),
					"Attempt timed out", 504, "The attempt did not complete within " + timeout.toMillis()
							+ " ms (frontline.async.attempt-timeout)",
					attempt), true, null);
		}
		if (has(ex, InterruptedException.class)) {
			return new AttemptFailure(new AttemptError(FunctionProblem.type("async-attempt-interrupted").toString(),
					"Attempt interrupted", 503, "The runtime running the attempt stopped before it completed", attempt),
					true, null);
		}
		return new AttemptFailure(new AttemptError(FunctionProblem.type("internal-error").toString(), "Internal error",
				500, "The function failed unexpectedly", attempt), true, null);
	}

	/**
	 * An attempt that never finished, because the runtime running it stopped without
	 * recording how it ended, as when its process was killed.
	 */
	static AttemptError lost(int attempt) {
		return new AttemptError(FunctionProblem.type("async-attempt-lost").toString(), "Attempt lost", 503,
				"Attempt " + attempt + " did not finish: the runtime running it stopped", attempt);
	}

	// A number of seconds or an HTTP date, as RFC 9110 allows; anything else is ignored.
	static @Nullable Duration retryAfter(@Nullable String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		try {
			long seconds = Long.parseLong(trimmed);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	private static String name(int status, @Nullable HttpStatus known) {
		return (known != null) ? known.name().toLowerCase(Locale.ROOT).replace('_', '-') : "http-" + status;
	}

	private static @Nullable ErrorResponse find(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ErrorResponse response) {
				return response;
			}
		}
		return null;
	}

	private static boolean has(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
