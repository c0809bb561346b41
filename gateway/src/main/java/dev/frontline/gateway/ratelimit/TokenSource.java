package dev.frontline.gateway.ratelimit;

import java.util.concurrent.CompletionStage;

/**
 * Shared buckets that hand out tokens in batches.
 */
interface TokenSource {

	/**
	 * Takes up to the given number of tokens from a bucket, created full with the given
	 * limit if it does not exist yet.
	 * @param key the bucket key
	 * @param limit the limit of the bucket
	 * @param tokens how many tokens to take at most
	 * @return what was granted; completes exceptionally if the buckets cannot be reached
	 */
	CompletionStage<Grant> take(String key, Limit limit, long tokens);

	/**
	 * Tokens taken from a bucket.
	 *
	 * @param granted how many were taken, fewer than asked when the bucket ran out
	 * @param remaining the whole tokens left in the bucket
	 * @param nanosToNext the time until the next whole token, 0 if some remain
	 * @param nanosToReset the time until the bucket is full again
	 */
	record Grant(long granted, long remaining, long nanosToNext, long nanosToReset) {

	}

}
