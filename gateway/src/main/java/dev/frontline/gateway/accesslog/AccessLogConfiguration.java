package dev.frontline.gateway.accesslog;

import dev.frontline.gateway.ratelimit.ClientAddresses;
import dev.frontline.gateway.ratelimit.RateLimitProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The access log. A client is known by the same address as for rate limiting, past the
 * proxies of {@code frontline.gateway.rate-limit.trusted-proxies}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessLogProperties.class)
class AccessLogConfiguration {

	@Bean
	AccessLog accessLog(AccessLogProperties properties, JsonMapper json, RateLimitProperties rateLimit) {
		return new AccessLog(properties, json, new ClientAddresses(rateLimit.trustedProxies()));
	}

}
