package dev.frontline.gateway.limits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The size limits of forwarded requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
class LimitsConfiguration {

	@Bean
	BodySizeLimitGlobalFilter bodySizeLimitGlobalFilter(LimitsProperties properties) {
		return new BodySizeLimitGlobalFilter(properties.maxBodySize().toBytes());
	}

}
