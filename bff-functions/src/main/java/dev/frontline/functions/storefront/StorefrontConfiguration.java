package dev.frontline.functions.storefront;

import dev.frontline.functions.backend.BackendClients;
import dev.frontline.functions.warmup.FunctionInitializer;

import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The storefront's backend clients, and their warm-up. Every backend call names the
 * runtime's demo variant.
 */
@Configuration(proxyBeanMethods = false)
class StorefrontConfiguration {

	@Bean
	Storefront storefront(BackendClients clients, StorefrontProperties properties, DemoProperties demo) {
		return new Storefront(clients.create("profile", ProfileClient.class),
				clients.create("catalog", CatalogClient.class), clients.create("cart", CartClient.class), properties,
				demo);
	}

	// The demo backends tell the two runtimes of a release apart by this header, so
	// that a fault can hit the canary alone while the stable side keeps working.
	@Bean
	WebClientCustomizer demoVariantHeader(DemoProperties demo) {
		return (builder) -> builder.defaultHeader(DemoProperties.VARIANT_HEADER, demo.variant().label());
	}

	@Bean
	FunctionInitializer storefrontWarmup(Storefront storefront) {
		return storefront::warmUp;
	}

}
