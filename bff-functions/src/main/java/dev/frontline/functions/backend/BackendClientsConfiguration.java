package dev.frontline.functions.backend;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Provides {@link BackendClients}.
 */
@Configuration(proxyBeanMethods = false)
class BackendClientsConfiguration {

	@Bean
	BackendClients backendClients(BackendsProperties properties, WebClient.Builder webClients) {
		return new BackendClients(properties, webClients);
	}

}
