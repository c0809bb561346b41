package dev.frontline.functions.warmup;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the function initializers and reports them to the readiness probe.
 */
@Configuration(proxyBeanMethods = false)
class InitializerConfiguration {

	// The bean name is the health contributor's name, which the readiness group
	// includes. The initializers are looked up by name, and there may be none.
	@Bean
	FunctionInitializers functionInitializers(ListableBeanFactory beans, InitializerProperties properties) {
		return new FunctionInitializers(beans.getBeansOfType(FunctionInitializer.class), properties.timeout());
	}

}
