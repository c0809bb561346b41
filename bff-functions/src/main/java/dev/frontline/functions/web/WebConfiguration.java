package dev.frontline.functions.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Serves the published functions over HTTP.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	FunctionCatalogue functionCatalogue(ListableBeanFactory beans, FunctionCatalog functions) {
		return new FunctionCatalogue(beans, functions);
	}

	@Bean
	FunctionDefinitions functionDefinitions(FunctionCatalogue catalogue, JsonMapper json, Validator validator) {
		return new FunctionDefinitions(catalogue, new FunctionInputReader(json, validator));
	}

	@Bean
	FunctionRequestFilter functionRequestFilter(FunctionCatalogue catalogue, FunctionDefinitions definitions,
			MeterRegistry meters) {
		return new FunctionRequestFilter(catalogue, definitions, new FunctionInvocationMetrics(meters));
	}

	@Bean
	MeterFilter functionTagLimit() {
		return FunctionInvocationMetrics.tagLimit();
	}

	@Bean
	EchoedHeadersFilter echoedHeadersFilter() {
		return new EchoedHeadersFilter();
	}

}
