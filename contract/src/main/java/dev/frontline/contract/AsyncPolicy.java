package dev.frontline.contract;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * How a route's requests are invoked asynchronously: accepted with 202 and an invocation
 * id, queued durably, and retried on failure until they succeed, run out of retries or
 * grow too old, when they go to the dead letters.
 *
 * @param always whether every request on the route is asynchronous; otherwise only those
 * that ask with {@code X-Frontline-Invocation-Type: async}; default false
 * @param retries retries after the first attempt, from 0 to 10; default 3
 * @param maxEventAge the age after which an invocation is not tried again, from 1 s to 7
 * days; default 6 h
 * @param resultTtl how long the result of a finished invocation is kept, from 1 s to 7
 * days; default 1 h
 * @param onSuccess where the result of a successful invocation goes; {@code null} for
 * nowhere
 * @param onFailure where a dead-lettered invocation is announced; {@code null} for
 * nowhere
 */
public record AsyncPolicy(@JsonSetter(nulls = Nulls.AS_EMPTY) boolean always, @NotNull @Min(0) @Max(10) Integer retries,
		@NotNull @DurationRange(minMillis = 1_000, maxMillis = 604_800_000L) @JsonSerialize(
				using = DurationJson.Serializer.class) @JsonDeserialize(
						using = DurationJson.Deserializer.class) Duration maxEventAge,
		@NotNull @DurationRange(minMillis = 1_000, maxMillis = 604_800_000L) @JsonSerialize(
				using = DurationJson.Serializer.class) @JsonDeserialize(
						using = DurationJson.Deserializer.class) Duration resultTtl,
		@Nullable @Valid Destination onSuccess, @Nullable @Valid Destination onFailure) {

	/** The retries of a policy that names none. */
	public static final int DEFAULT_RETRIES = 3;

	/** The maximum event age of a policy that names none. */
	public static final Duration DEFAULT_MAX_EVENT_AGE = Duration.ofHours(6);

	/** The result retention of a policy that names none. */
	public static final Duration DEFAULT_RESULT_TTL = Duration.ofHours(1);

	public AsyncPolicy {
		retries = (retries != null) ? retries : DEFAULT_RETRIES;
		maxEventAge = (maxEventAge != null) ? maxEventAge : DEFAULT_MAX_EVENT_AGE;
		resultTtl = (resultTtl != null) ? resultTtl : DEFAULT_RESULT_TTL;
	}

	/**
	 * The policy of requests that ask to be asynchronous on a route that names none.
	 */
	public static AsyncPolicy defaults() {
		return new AsyncPolicy(false, DEFAULT_RETRIES, DEFAULT_MAX_EVENT_AGE, DEFAULT_RESULT_TTL, null, null);
	}

	/**
	 * Where the outcome of an invocation is sent: a callback URL that gets it in a POST,
	 * or a function that is invoked with it, asynchronously too. Exactly one is named.
	 *
	 * @param callbackUrl an absolute http(s) URL
	 * @param function a function definition on the same function runtime
	 */
	@Consistent
	public record Destination(@Nullable @HttpUri String callbackUrl,
			@Nullable @FunctionDefinition String function) implements SelfChecking {

		@Override
		public void checkConsistency(Problems problems) {
			if ((this.callbackUrl == null) == (this.function == null)) {
				problems.add("callbackUrl", "must name exactly one of callbackUrl and function");
			}
		}

	}

}
