package dev.frontline.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

import dev.frontline.gateway.ratelimit.RequestBuckets.RequestBucket;
import dev.frontline.gateway.web.Problem;
import dev.frontline.gateway.web.ProblemWriter;

/**
 * Takes a token for each request on a rate-limited route, and refuses the request with
 * 429 when there is none. Every answer on a limited route carries the limit and what is
 * left of it, in the headers of the IETF ratelimit-headers draft and the customary
 * {@code X-RateLimit-*} ones.
 */
final class RateLimitGlobalFilter implements GlobalFilter, Ordered {

	/** Right after authentication (100), which establishes the caller that is the key. */
	static final int ORDER = 110;

	static final String DECISIONS = "frontline.gateway.ratelimit.decisions";

	private final RequestBuckets buckets;

	private final RateLimiter limiter;

	private final ProblemWriter problems;

	private final Meter.MeterProvider<Counter> decisions;

	RateLimitGlobalFilter(RequestBuckets buckets, RateLimiter limiter, ProblemWriter problems, MeterRegistry meters) {
		this.buckets = buckets;
		this.limiter = limiter;
		this.problems = problems;
		this.decisions = Counter.builder(DECISIONS)
			.description("Rate-limit decisions by route, key type and decision (allowed, rejected, or degraded: "
					+ "taken without the shared buckets)")
			.withRegistry(meters);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route == null) {
			return chain.filter(exchange);
		}
		RequestBucket bucket = this.buckets.of(exchange, route.getId());
		if (bucket == null) {
			return chain.filter(exchange);
		}
		return this.limiter.tryConsume(bucket.key(), bucket.limit())
			.flatMap((decision) -> answer(exchange, chain, bucket, decision));
	}

	private Mono<Void> answer(ServerWebExchange exchange, GatewayFilterChain chain, RequestBucket bucket,
			Decision decision) {
		count(bucket, decision);
		if (decision.outcome() == Decision.Outcome.UNAVAILABLE) {
			return this.problems.write(exchange,
					Problem.of(exchange, "rate-limit-unavailable", "Rate limit unavailable",
							HttpStatus.SERVICE_UNAVAILABLE,
							"The rate limits of route '" + bucket.routeId() + "' cannot be checked right now"));
		}
		HttpHeaders headers = exchange.getResponse().getHeaders();
		RateLimitHeaders.write(headers, bucket.routeId(), bucket.limit(), decision);
		if (decision.outcome() == Decision.Outcome.REJECTED) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RateLimitHeaders.retryAfter(decision)));
			return this.problems.write(exchange,
					Problem.of(exchange, "rate-limited", "Too many requests", HttpStatus.TOO_MANY_REQUESTS,
							"The rate limit of route '" + bucket.routeId() + "' is exhausted; retry after "
									+ RateLimitHeaders.retryAfter(decision) + " s"));
		}
		return chain.filter(exchange);
	}

	private void count(RequestBucket bucket, Decision decision) {
		String name = decision.degraded() ? "degraded"
				: (decision.outcome() == Decision.Outcome.ALLOWED) ? "allowed" : "rejected";
		this.decisions.withTags("route", bucket.routeId(), "key_type", bucket.keyType(), "decision", name).increment();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
