package dev.frontline.gateway.ratelimit;

import org.springframework.http.HttpHeaders;

/**
 * The headers that tell a client its limit: {@code RateLimit-Policy} and
 * {@code RateLimit} of the IETF httpapi ratelimit-headers draft, and
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}.
 */
final class RateLimitHeaders {

	static final String POLICY = "RateLimit-Policy";

	static final String RATE_LIMIT = "RateLimit";

	static final String LIMIT = "X-RateLimit-Limit";

	static final String REMAINING = "X-RateLimit-Remaining";

	static final String RESET = "X-RateLimit-Reset";

	private RateLimitHeaders() {
	}

	/**
	 * Writes the headers of a decision: the policy as quota (the burst) per window (the
	 * period, in seconds); what remains, and the seconds until the next token when none
	 * remains (0 while tokens remain); and the seconds until the bucket is full again.
	 */
	static void write(HttpHeaders headers, String routeId, Limit limit, Decision decision) {
		headers.set(POLICY, "\"" + routeId + "\";q=" + limit.burst() + ";w=" + limit.periodSeconds());
		headers.set(RATE_LIMIT, "\"" + routeId + "\";r=" + decision.remaining() + ";t=" + untilToken(limit, decision));
		headers.set(LIMIT, Long.toString(limit.burst()));
		headers.set(REMAINING, Long.toString(decision.remaining()));
		headers.set(RESET, Long.toString(Limit.ceilSeconds(decision.nanosToReset())));
	}

	/**
	 * The whole seconds a rejected client waits for a token, at least 1.
	 */
	static long retryAfter(Decision decision) {
		return Math.max(1, Limit.ceilSeconds(decision.nanosToRefill()));
	}

	private static long untilToken(Limit limit, Decision decision) {
		if (decision.remaining() > 0) {
			return 0;
		}
		if (decision.outcome() == Decision.Outcome.REJECTED) {
			return retryAfter(decision);
		}
		// The last token was just taken: greedy refill adds the next one within a
		// period's share of one token.
		return Math.max(1, Limit.ceilSeconds(limit.period().toNanos() / limit.permits()));
	}

}
