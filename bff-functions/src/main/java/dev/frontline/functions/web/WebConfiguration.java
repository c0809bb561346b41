package dev.frontline.functions.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.http.codec.autoconfigure.HttpCodecsProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Serves the published functions over HTTP.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	FunctionCatalogue functionCatalogue(ListableBeanFactory beans, FunctionCatalog functions) {
		return new FunctionCatalogue(beans, functions);
	}

	// The framework reads bodies into memory up to the same limit, so one setting bounds
	// both; unset, it is the framework's default.
	@Bean
	FunctionDefinitions functionDefinitions(FunctionCatalogue catalogue, JsonMapper json, Validator validator,
			HttpCodecsProperties codecs) {
		DataSize configured = codecs.getMaxInMemorySize();
		return new FunctionDefinitions(catalogue, new FunctionInputReader(json, validator),
				(configured != null) ? configured : DataSize.ofKilobytes(256));
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
	NettyServerCustomizer requestTargetGuard() {
		return RequestTargetGuard.installer();
	}

	@Bean
	InvalidRequestTargetFilter invalidRequestTargetFilter() {
		return new InvalidRequestTargetFilter();
	}

	@Bean
	EchoedHeadersFilter echoedHeadersFilter() {
		return new EchoedHeadersFilter();
	}

}
