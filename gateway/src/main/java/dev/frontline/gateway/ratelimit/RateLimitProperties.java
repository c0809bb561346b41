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
		 * Decisions are taken on a local copy of the bucket, and a gateway syncs with
		 * Redis only once its unsynced tokens would exceed {@code sync-tokens} or
		 * {@code sync-interval} has passed since its last sync; the limit may be exceeded
		 * by a bounded amount (see {@link Redis}).
		 */
		DELAYED

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
	 * @param maxBuckets how many bucket proxies (which batch concurrent requests to one
	 * bucket) are kept at most; default 100000 buckets
	 * @param sync how each gateway keeps in step with Redis: {@code exact} (every
	 * decision on Redis) or {@code delayed} (decisions on a local copy of each bucket,
	 * synced now and then); default {@code exact}. In {@code delayed} mode a gateway
	 * admits at most {@code syncTokens} tokens per bucket that Redis has not yet been
	 * told of, and tells Redis at the first decision after {@code syncInterval} has
	 * passed since its last sync or when one more token would exceed {@code syncTokens}.
	 * Local decisions are taken on the state of the bucket in Redis at the last sync
	 * (refilled locally), so a gateway never refuses a request that the exact mode would
	 * admit; the tokens it admitted unseen are then charged to Redis even if that drives
	 * the bucket below zero, and later requests wait until the refill repays them. The
	 * bound: with {@code G} gateways sharing a bucket, they together admit at most
	 * {@code G × syncTokens} tokens more than the exact limit (each gateway at most its
	 * own unsynced tokens, which no other gateway can see), and at any instant Redis lags
	 * the real consumption by at most that much; for example 3 gateways with the default
	 * 10 tokens over-admit at most 30 requests per bucket. A gateway that sees no
	 * requests for a bucket does not sync it, so the interval only bounds how stale the
	 * state of a busy bucket is, not the over-admission
	 * @param syncInterval in {@code delayed} mode, the time after which a gateway syncs a
	 * bucket with Redis at its next decision; default 100 ms
	 * @param syncTokens in {@code delayed} mode, how many tokens per bucket a gateway
	 * admits at most without syncing with Redis; default 10 tokens
	 */
	public record Redis(@DefaultValue("redis://127.0.0.1:6379") @NotNull URI uri,
			@DefaultValue("50ms") @NotNull @DurationMin(millis = 1) Duration timeout,
			@DefaultValue("500ms") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
			@DefaultValue("frontline:ratelimit:") @NotNull String keyPrefix,
			@DefaultValue("fail-open") @NotNull FailurePolicy failurePolicy,
			@DefaultValue("100000") @Positive int maxBuckets, @DefaultValue("exact") @NotNull Sync sync,
			@DefaultValue("100ms") @NotNull @DurationMin(millis = 1) Duration syncInterval,
			@DefaultValue("10") @Positive long syncTokens) {

	}

}
