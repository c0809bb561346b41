package dev.frontline.functions.storefront;

import dev.frontline.functions.backend.BackendClients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The storefront's backend clients.
 */
@Configuration(proxyBeanMethods = false)
class StorefrontConfiguration {

	@Bean
	Storefront storefront(BackendClients clients) {
		return new Storefront(clients.create("profile", ProfileClient.class),
				clients.create("catalog", CatalogClient.class), clients.create("cart", CartClient.class));
	}

}
