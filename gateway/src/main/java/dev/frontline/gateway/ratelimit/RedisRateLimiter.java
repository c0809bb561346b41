package dev.frontline.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;

/**
 * Buckets on Redis, shared by every gateway that uses the same Redis and key prefix.
 * <p>
 * Each bucket is a Redis key that Bucket4j updates with compare-and-swap, and that
 * expires once the bucket would be full again. Concurrent requests for one bucket on one
 * gateway are batched into one Redis exchange, so that a busy key costs one round trip
 * per batch instead of one per request; batching never takes more tokens than the bucket
 * holds, so the limit stays exact across gateways.
 * <p>
 * That is {@code sync=exact}. With {@code sync=leased} (the default) each gateway takes
 * tokens from the Redis bucket in leases, one Lua script run each, and spends them
 * locally ({@link LeasedBuckets}): a busy bucket then costs one round trip per lease, and
 * most requests are decided without waiting for Redis, within a bounded error, see
 * {@link RateLimitProperties.Redis}.
 * <p>
 * While Redis cannot be reached (commands time out after {@code timeout}, and fail at
 * once while the connection is down) each decision is degraded: taken by a bucket of the
 * same limit in local memory (fail-open) or refused (fail-closed). Lettuce reconnects on
 * its own, trying every second at most, and decisions go back to Redis once it is there.
 */
final class RedisRateLimiter implements RateLimiter, DisposableBean {

	private static final Log logger = LogFactory.getLog(RedisRateLimiter.class);

	/** Keys outlive a full refill by this much, for clocks that differ a little. */
	private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

	/** How often a gateway that never reached Redis tries again. */
	private static final long FIRST_CONNECT_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final RateLimitProperties.Redis properties;

	private final LocalRateLimiter fallback;

	private final ClientResources resources;

	private final RedisURI uri;

	private final RedisClient client;

	private final Cache<String, AsyncBucketProxy> proxies;

	private final AtomicBoolean connecting = new AtomicBoolean();

	private final AtomicLong nextConnectAttempt = new AtomicLong(System.nanoTime());

	private volatile @Nullable Connected connected;

	RedisRateLimiter(RateLimitProperties.Redis properties, LocalRateLimiter fallback) {
		this.properties = properties;
		this.fallback = fallback;
		this.resources = ClientResources.builder()
			.ioThreadPoolSize(2)
			.computationThreadPoolSize(2)
			.reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
			.build();
		this.uri = RedisURI.create(properties.uri());
		this.uri.setTimeout(properties.timeout());
		this.client = RedisClient.create(this.resources, this.uri);
		this.client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			// Fail at once while disconnected instead of queueing requests that would
			// time
			// out anyway.
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled(properties.timeout()))
			.socketOptions(SocketOptions.builder().connectTimeout(properties.connectTimeout()).build())
			.build());
		this.proxies = Caffeine.newBuilder()
			.maximumSize(properties.maxBuckets())
			.expireAfterAccess(Duration.ofMinutes(10))
			.build();
		connect();
	}

	@Override
	public Mono<Decision> tryConsume(String key, Limit limit) {
		Connected current = this.connected;
		if (current == null) {
			connectIfDue();
			return Mono.just(degraded(key, limit));
		}
		LeasedBuckets leased = current.leased();
		if (leased != null) {
			return leased.tryConsume(key, limit, this::degraded);
		}
		AsyncProxyManager<String> buckets = current.buckets();
		AsyncBucketProxy bucket = this.proxies.get(key, (ignored) -> buckets.builder()
			.withOptimization(Optimizations.batching())
			.build(this.properties.keyPrefix() + key, () -> CompletableFuture.completedFuture(limit.configuration())));
		// Compare-and-swap takes two commands, each with its own timeout; this bounds the
		// whole exchange in case a command is retried.
		return Mono.fromFuture(() -> bucket.tryConsumeAndReturnRemaining(1))
			.timeout(this.properties.timeout().multipliedBy(4))
			.map((probe) -> Decision.of(probe, false))
			.onErrorResume((ex) -> {
				if (logger.isDebugEnabled()) {
					logger.debug("Rate limit decided without Redis: " + ex);
				}
				return Mono.just(degraded(key, limit));
			});
	}

	private Decision degraded(String key, Limit limit) {
		return switch (this.properties.failurePolicy()) {
			case FAIL_OPEN -> this.fallback.decide(key, limit).degrade();
			case FAIL_CLOSED -> Decision.UNAVAILABLE;
		};
	}

	private void connectIfDue() {
		long now = System.nanoTime();
		long due = this.nextConnectAttempt.get();
		if (now - due >= 0 && this.nextConnectAttempt.compareAndSet(due, now + FIRST_CONNECT_RETRY_NANOS)) {
			connect();
		}
	}

	/**
	 * Opens the connection without waiting for it. Once open, Lettuce keeps it open;
	 * until then, requests are degraded and an attempt is made every second at most.
	 */
	private void connect() {
		if (!this.connecting.compareAndSet(false, true)) {
			return;
		}
		CompletionStage<Connected> connecting = switch (this.properties.sync()) {
			case EXACT ->
				this.client.connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), this.uri)
					.thenApply((connection) -> new Connected(connection, Bucket4jLettuce.casBasedBuilder(connection)
						.expirationAfterWrite(
								ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
						.requestTimeout(this.properties.timeout().multipliedBy(4))
						.build()
						.asAsync(), null));
			case LEASED -> this.client.connectAsync(StringCodec.UTF8, this.uri)
				.thenApply((connection) -> new Connected(connection, null,
						new LeasedBuckets(new RedisTokenSource(connection.async(), this.properties.keyPrefix()),
								this.properties.leaseTokens(), this.properties.leaseTime(),
								this.properties.maxBuckets(), System::nanoTime)));
		};
		connecting.whenComplete((connected, ex) -> {
			this.connecting.set(false);
			if (ex != null) {
				logger.warn("Redis for rate limits is not reachable at " + this.properties.uri() + " (" + ex
						+ "); deciding "
						+ ((this.properties.failurePolicy() == RateLimitProperties.FailurePolicy.FAIL_OPEN)
								? "with local buckets" : "to refuse")
						+ " until it is");
				return;
			}
			this.connected = connected;
		});
	}

	@Override
	public void destroy() {
		Connected current = this.connected;
		if (current != null) {
			current.connection().close();
		}
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		this.resources.shutdown(0, 2, TimeUnit.SECONDS);
	}

	/**
	 * An open connection and what decides on it: Bucket4j's proxies in {@code exact}
	 * mode, leases in {@code leased} mode.
	 */
	private record Connected(StatefulRedisConnection<?, ?> connection, @Nullable AsyncProxyManager<String> buckets,
			@Nullable LeasedBuckets leased) {

	}

}
