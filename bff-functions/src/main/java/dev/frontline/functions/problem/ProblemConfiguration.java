package dev.frontline.functions.problem;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Turns failures into problem answers.
 */
@Configuration(proxyBeanMethods = false)
class ProblemConfiguration {

	@Bean
	ProblemWebExceptionHandler problemWebExceptionHandler(JsonMapper json) {
		return new ProblemWebExceptionHandler(json);
	}

}
