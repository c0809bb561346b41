package dev.frontline.gateway.ratelimit;

import reactor.core.publisher.Mono;

/**
 * Token buckets by key: takes one token for a request, if there is one.
 */
interface RateLimiter {

	/**
	 * Takes one token from the bucket of the given key, created with the given limit if
	 * it does not exist yet.
	 * @param key the bucket key; includes the limit's fingerprint
	 * @param limit the limit of the bucket
	 * @return the decision; never an error, never blocks the calling thread
	 */
	Mono<Decision> tryConsume(String key, Limit limit);

}
