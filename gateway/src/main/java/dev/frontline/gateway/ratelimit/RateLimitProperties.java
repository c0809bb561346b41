package dev.frontline.gateway.ratelimit;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway keeps the token buckets of rate-limited routes.
 *
 * @param mode where buckets live: {@code local} (in the memory of each gateway) or
 * {@code redis} (shared by every gateway on one Redis); default {@code local}
 * @param trustedProxies addresses or CIDR blocks (such as {@code 10.0.0.0/8}) of the
 * proxies whose {@code X-Forwarded-For} names the client; default none, so the client is
 * always the direct peer
 * @param local the buckets kept in memory
 * @param redis the buckets kept on Redis
 */
@ConfigurationProperties("frontline.gateway.rate-limit")
@Validated
public record RateLimitProperties(@DefaultValue("local") @NotNull Mode mode,
		@DefaultValue @Size(max = 1000) List<@NotBlank String> trustedProxies, @DefaultValue @Valid Local local,
		@DefaultValue @Valid Redis redis) {

	/** Where buckets live. */
	public enum Mode {

		/** In the memory of each gateway. */
		LOCAL,

		/** On Redis, shared by every gateway. */
		REDIS

	}

	/** What a gateway does while Redis cannot be reached. */
	public enum FailurePolicy {

		/** Decides with a bucket of the same policy in its own memory. */
		FAIL_OPEN,

		/** Answers 503. */
		FAIL_CLOSED

	}

	/** How a gateway keeps its view of a Redis bucket in step with Redis. */
	public enum Sync {

		/**
		 * Every decision is taken on Redis (concurrent ones batched); the limit is exact
		 * across gateways.
		 */
		EXACT,

		/**
		 * Each gateway takes tokens from the Redis bucket in leases sized to its recent
		 * traffic and spends them locally; the limit may be missed by a bounded amount
		 * (see {@link Redis}).
		 */
		LEASED

	}

	/**
	 * The buckets kept in memory, in local mode and as the fallback of Redis mode.
	 *
	 * @param maxBuckets how many buckets are kept at most; the least recently used go
	 * first; default 100000 buckets
	 */
	public record Local(@DefaultValue("100000") @Positive int maxBuckets) {

	}

	/**
	 * The buckets kept on Redis.
	 *
	 * @param uri the Redis server; default {@code redis://127.0.0.1:6379}
	 * @param timeout the time each Redis command has to answer; default 50 ms
	 * @param connectTimeout the time a connection to Redis has to open; default 500 ms
	 * @param keyPrefix the prefix of the Redis keys of buckets; default
	 * {@code frontline:ratelimit:}
	 * @param failurePolicy what happens while Redis cannot be reached: {@code fail-open}
	 * or {@code fail-closed}; default {@code fail-open}
	 * @param maxBuckets how many buckets each gateway tracks at once; default 100000
	 * buckets
	 * @param sync how each gateway keeps in step with Redis: {@code leased} or
	 * {@code exact}; default {@code leased}. In {@code exact} mode every decision is
	 * taken on Redis (Bucket4j compare-and-swap, concurrent decisions on one bucket
	 * batched), and gateways together admit exactly the limit. In {@code leased} mode a
	 * gateway takes tokens from the Redis bucket in leases, one atomic Lua script run
	 * each, sized to cover the bucket's traffic on that gateway over {@code leaseTime}
	 * (at most {@code leaseTokens} and the burst), fetches the next lease in the
	 * background once half of one is spent, and drops tokens left unspent for
	 * {@code leaseTime}. No token is spent that Redis has not granted, so the bound is
	 * this: over any interval, {@code G} gateways sharing a bucket admit at most the
	 * exact limit plus the tokens they held unspent at its start, fewer than
	 * {@code G × leaseTokens}; and a gateway holding unspent tokens makes others refuse
	 * at most as many requests the exact limit would admit. Each gateway's share of that
	 * is at most one lease: the bucket's traffic on it over one {@code leaseTime}, and
	 * never more than {@code leaseTokens} or the burst. With 3 gateways each serving a
	 * bucket at 1000 requests/s and the defaults, that is at most 3 × 100 requests; for a
	 * bucket that sees 20 requests/s per gateway, 3 × 2
	 * @param leaseTime in {@code leased} mode, how much of a bucket's traffic a lease is
	 * sized for, and how long its tokens last; default 100 ms
	 * @param leaseTokens in {@code leased} mode, the most tokens a gateway takes from one
	 * bucket at once; default 500 tokens
	 */
	public record Redis(@DefaultValue("redis://127.0.0.1:6379") @NotNull URI uri,
			@DefaultValue("50ms") @NotNull @DurationMin(millis = 1) Duration timeout,
			@DefaultValue("500ms") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
			@DefaultValue("frontline:ratelimit:") @NotNull String keyPrefix,
			@DefaultValue("fail-open") @NotNull FailurePolicy failurePolicy,
			@DefaultValue("100000") @Positive int maxBuckets, @DefaultValue("leased") @NotNull Sync sync,
			@DefaultValue("100ms") @NotNull @DurationMin(millis = 1) Duration leaseTime,
			@DefaultValue("500") @Positive long leaseTokens) {

	}

}
