package dev.frontline.admin.catalogue;

import java.time.Clock;

import jakarta.validation.Validator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The composition checks, and the client that fetches the catalogues they need.
 */
@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

	@Bean
	CompositionChecks compositionChecks(CatalogueProperties properties, Validator validator) {
		return new CompositionChecks(new FunctionCatalogues(properties, Clock.systemUTC()), validator,
				properties.enabled());
	}

}
