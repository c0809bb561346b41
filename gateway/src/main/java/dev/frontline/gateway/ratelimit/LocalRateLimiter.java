package dev.frontline.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import reactor.core.publisher.Mono;

/**
 * Buckets in the memory of this gateway. A bucket expires once it has been left alone for
 * as long as it takes to fill up, when a new one is the same; the least recently used go
 * first if there are too many.
 */
final class LocalRateLimiter implements RateLimiter {

	private final Cache<String, Held> buckets;

	LocalRateLimiter(int maxBuckets) {
		this.buckets = Caffeine.newBuilder().maximumSize(maxBuckets).expireAfter(new UntilFull()).build();
	}

	@Override
	public Mono<Decision> tryConsume(String key, Limit limit) {
		return Mono.just(decide(key, limit));
	}

	/**
	 * Takes a token at once; lock-free and non-blocking.
	 */
	Decision decide(String key, Limit limit) {
		Held held = this.buckets.get(key,
				(ignored) -> new Held(Bucket.builder().addLimit(limit.configuration().getBandwidths()[0]).build(),
						limit.timeToFill().toNanos()));
		return Decision.of(held.bucket().tryConsumeAndReturnRemaining(1), false);
	}

	long size() {
		return this.buckets.estimatedSize();
	}

	private record Held(Bucket bucket, long nanosToFill) {

	}

	private static final class UntilFull implements Expiry<String, Held> {

		@Override
		public long expireAfterCreate(String key, Held value, long currentTime) {
			return value.nanosToFill();
		}

		@Override
		public long expireAfterUpdate(String key, Held value, long currentTime, long currentDuration) {
			return value.nanosToFill();
		}

		@Override
		public long expireAfterRead(String key, Held value, long currentTime, long currentDuration) {
			return value.nanosToFill();
		}

	}

}
