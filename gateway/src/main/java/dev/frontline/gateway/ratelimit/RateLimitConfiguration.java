package dev.frontline.gateway.ratelimit;

import dev.frontline.gateway.routing.SnapshotRouteLocator;
import dev.frontline.gateway.web.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rate limiting of routes, with buckets in memory or on Redis as
 * {@code frontline.gateway.rate-limit.mode} says.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	/**
	 * The buckets; a Redis client is closed with the context.
	 */
	@Bean
	RateLimiter rateLimiter(RateLimitProperties properties) {
		LocalRateLimiter local = new LocalRateLimiter(properties.local().maxBuckets());
		return (properties.mode() == RateLimitProperties.Mode.REDIS) ? new RedisRateLimiter(properties.redis(), local)
				: local;
	}

	@Bean
	RateLimitGlobalFilter rateLimitGlobalFilter(RateLimitProperties properties, SnapshotRouteLocator routes,
			RateLimiter limiter, ProblemWriter problems, MeterRegistry meters) {
		RequestBuckets buckets = new RequestBuckets(routes, new ClientAddresses(properties.trustedProxies()));
		return new RateLimitGlobalFilter(buckets, limiter, problems, meters);
	}

}
