package dev.frontline.gateway.canary;

import dev.frontline.gateway.ratelimit.RateLimitProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The canary split of routes and the stats per route and variant. A caller known by
 * address only is known by the same address as for rate limiting, past the proxies of
 * {@code frontline.gateway.rate-limit.trusted-proxies}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CanaryProperties.class)
class CanaryConfiguration {

	@Bean
	CanarySplitter canarySplitter(CanaryProperties properties, RateLimitProperties rateLimit) {
		return new CanarySplitter(properties, rateLimit.trustedProxies());
	}

	@Bean
	RouteStatsRecorder routeStatsRecorder() {
		return new RouteStatsRecorder();
	}

	@Bean
	RouteStatsWebFilter routeStatsWebFilter(RouteStatsRecorder recorder) {
		return new RouteStatsWebFilter(recorder);
	}

}
