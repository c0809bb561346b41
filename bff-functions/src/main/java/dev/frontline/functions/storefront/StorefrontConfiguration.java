package dev.frontline.functions.storefront;

import dev.frontline.functions.backend.BackendClients;
import dev.frontline.functions.warmup.FunctionInitializer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The storefront's backend clients, and their warm-up.
 */
@Configuration(proxyBeanMethods = false)
class StorefrontConfiguration {

	@Bean
	Storefront storefront(BackendClients clients, StorefrontProperties properties) {
		return new Storefront(clients.create("profile", ProfileClient.class),
				clients.create("catalog", CatalogClient.class), clients.create("cart", CartClient.class), properties);
	}

	@Bean
	FunctionInitializer storefrontWarmup(Storefront storefront) {
		return storefront::warmUp;
	}

}
