package dev.frontline.admin.runtime;

import java.util.List;

import dev.frontline.admin.routing.SeedProperties;
import dev.frontline.admin.security.ControlPlaneProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The function runtimes the console knows, and their client.
 */
@Configuration(proxyBeanMethods = false)
class FunctionRuntimeConfiguration {

	@Bean
	FunctionRuntimes functionRuntimes(FunctionRuntimeProperties properties, SeedProperties seed,
			ControlPlaneProperties controlPlane) {
		List<String> uris = properties.uris().isEmpty() ? List.of(seed.functionsUri()) : properties.uris();
		return new FunctionRuntimes(uris, properties.connectTimeout(), properties.readTimeout(), controlPlane.token());
	}

}
