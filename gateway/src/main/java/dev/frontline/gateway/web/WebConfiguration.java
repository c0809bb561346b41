package dev.frontline.gateway.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request ids and problem answers for every request the gateway receives.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	RequestIdWebFilter requestIdWebFilter() {
		return new RequestIdWebFilter();
	}

	@Bean
	ProblemWriter problemWriter(JsonMapper json) {
		return new ProblemWriter(json);
	}

	@Bean
	ProblemWebExceptionHandler problemWebExceptionHandler(ProblemWriter writer) {
		return new ProblemWebExceptionHandler(writer);
	}

}
