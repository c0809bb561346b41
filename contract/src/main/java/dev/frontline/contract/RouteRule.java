package dev.frontline.contract;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One rule of the data plane: which requests it matches, who may call it, how fast, and
 * which function definition answers them.
 *
 * @param id unique id: lower-case letters, digits and dashes, at most 63 characters
 * @param description free text for operators, at most 500 characters; {@code null} for
 * none
 * @param match the requests this rule matches
 * @param order lower orders are matched first; rules of equal order are matched in id
 * order; default 0
 * @param auth who may call the route; default {@link AuthPolicy#authenticated()}
 * @param rateLimit token bucket for the route; {@code null} for the gateway's default
 * @param timeout time the target has to answer, from 1 ms to 5 minutes; default 5 s
 * @param retry retries of idempotent requests; default none
 * @param stable the target that serves the route
 * @param canary an optional second target that takes a weighted share of the traffic
 * @param cors which browser origins may call the route; {@code null} for same-origin only
 * @param async how requests are invoked asynchronously; {@code null} for the defaults of
 * {@link AsyncPolicy#defaults()}, which apply to requests that ask to be asynchronous
 */
@Consistent
public record RouteRule(@NotBlank @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
		@Nullable @Size(max = 500) String description, @NotNull @Valid RouteMatch match,
		@JsonSetter(nulls = Nulls.AS_EMPTY) int order, @NotNull @Valid AuthPolicy auth,
		@Nullable @Valid RateLimitPolicy rateLimit,
		@NotNull @DurationRange(minMillis = 1, maxMillis = 300_000) @JsonSerialize(
				using = DurationJson.Serializer.class) @JsonDeserialize(
						using = DurationJson.Deserializer.class) Duration timeout,
		@NotNull @Valid RetryPolicy retry, @NotNull @Valid Target stable, @Nullable @Valid CanaryTarget canary,
		@Nullable @Valid CorsPolicy cors, @Nullable @Valid AsyncPolicy async) implements SelfChecking {

	/**
	 * Route ids: lower-case letters, digits and dashes, starting with a letter or digit.
	 */
	public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

	static final String ID_MESSAGE = "must be lower-case letters, digits and dashes (at most 63), starting with a letter or digit";

	/** The timeout of a rule that names none. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	public RouteRule {
		auth = (auth != null) ? auth : AuthPolicy.authenticated();
		timeout = (timeout != null) ? timeout : DEFAULT_TIMEOUT;
		retry = (retry != null) ? retry : RetryPolicy.none();
	}

	/**
	 * A rule without an async policy.
	 */
	public RouteRule(String id, @Nullable String description, RouteMatch match, int order, @Nullable AuthPolicy auth,
			@Nullable RateLimitPolicy rateLimit, @Nullable Duration timeout, @Nullable RetryPolicy retry, Target stable,
			@Nullable CanaryTarget canary, @Nullable CorsPolicy cors) {
		this(id, description, match, order, auth, rateLimit, timeout, retry, stable, canary, cors, null);
	}

	/**
	 * A rule without a CORS policy.
	 */
	public RouteRule(String id, @Nullable String description, RouteMatch match, int order, @Nullable AuthPolicy auth,
			@Nullable RateLimitPolicy rateLimit, @Nullable Duration timeout, @Nullable RetryPolicy retry, Target stable,
			@Nullable CanaryTarget canary) {
		this(id, description, match, order, auth, rateLimit, timeout, retry, stable, canary, null);
	}

	/**
	 * A public rule with default policies, handy for tests and seeds.
	 */
	public static RouteRule of(String id, RouteMatch match, Target stable) {
		return new RouteRule(id, null, match, 0, AuthPolicy.publicAccess(), null, null, null, stable, null);
	}

	/**
	 * A copy of this rule under another id.
	 */
	public RouteRule withId(String id) {
		return new RouteRule(id, this.description, this.match, this.order, this.auth, this.rateLimit, this.timeout,
				this.retry, this.stable, this.canary, this.cors, this.async);
	}

	/**
	 * A copy of this rule with another stable target.
	 */
	public RouteRule withStable(Target stable) {
		return new RouteRule(this.id, this.description, this.match, this.order, this.auth, this.rateLimit, this.timeout,
				this.retry, stable, this.canary, this.cors, this.async);
	}

	/**
	 * A copy of this rule with another canary target, or none.
	 */
	public RouteRule withCanary(@Nullable CanaryTarget canary) {
		return new RouteRule(this.id, this.description, this.match, this.order, this.auth, this.rateLimit, this.timeout,
				this.retry, this.stable, canary, this.cors, this.async);
	}

	/**
	 * A copy of this rule with another auth policy.
	 */
	public RouteRule withAuth(AuthPolicy auth) {
		return new RouteRule(this.id, this.description, this.match, this.order, auth, this.rateLimit, this.timeout,
				this.retry, this.stable, this.canary, this.cors, this.async);
	}

	/**
	 * A copy of this rule with another CORS policy, or none.
	 */
	public RouteRule withCors(@Nullable CorsPolicy cors) {
		return new RouteRule(this.id, this.description, this.match, this.order, this.auth, this.rateLimit, this.timeout,
				this.retry, this.stable, this.canary, cors, this.async);
	}

	/**
	 * A copy of this rule with another async policy, or none.
	 */
	public RouteRule withAsync(@Nullable AsyncPolicy async) {
		return new RouteRule(this.id, this.description, this.match, this.order, this.auth, this.rateLimit, this.timeout,
				this.retry, this.stable, this.canary, this.cors, async);
	}

	/**
	 * The async policy of requests that ask to be asynchronous.
	 */
	public AsyncPolicy asyncPolicy() {
		return (this.async != null) ? this.async : AsyncPolicy.defaults();
	}

	@Override
	public void checkConsistency(Problems problems) {
		if (this.retry != null && this.timeout != null && this.retry.attempts() > 0 && this.retry.backoff() != null
				&& this.retry.backoff().compareTo(this.timeout) >= 0) {
			problems.add("retry.backoff",
					"must be shorter than the timeout (" + DurationJson.format(this.timeout) + ")");
		}
	}

}
