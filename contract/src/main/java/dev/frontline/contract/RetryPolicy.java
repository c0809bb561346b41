package dev.frontline.contract;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Retries of idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE) that failed to connect
 * or answered 502, 503 or 504.
 *
 * @param attempts retries after the first try, from 0 to 5; default 0
 * @param backoff wait before the first retry, doubled for each next one, from 1 ms to 10
 * s; default 100 ms
 */
public record RetryPolicy(@Min(0) @Max(5) @JsonSetter(nulls = Nulls.AS_EMPTY) int attempts,
		@NotNull @DurationRange(minMillis = 1, maxMillis = 10_000) @JsonSerialize(
				using = DurationJson.Serializer.class) @JsonDeserialize(
						using = DurationJson.Deserializer.class) Duration backoff) {

	/** The backoff of a policy that names none. */
	public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(100);

	public RetryPolicy {
		backoff = (backoff != null) ? backoff : DEFAULT_BACKOFF;
	}

	/** No retries. */
	public static RetryPolicy none() {
		return new RetryPolicy(0, DEFAULT_BACKOFF);
	}

}
