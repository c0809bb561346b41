package dev.frontline.admin.routing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The routes published as version 1 when the console starts on an empty store, so that
 * the platform works out of the box.
 *
 * @param enabled whether an empty store is seeded; default true
 * @param location a JSON array of route rules, in which the string
 * {@value RouteSeeder#FUNCTIONS_URI} stands for {@code functionsUri}; default the demo
 * storefront's routes, {@code classpath:seed/routes.json}
 * @param functionsUri base URI of the function runtime the seed routes target; default
 * {@code http://localhost:8090}
 */
@Validated
@ConfigurationProperties("frontline.admin.seed")
public record SeedProperties(@DefaultValue("true") boolean enabled,
		@NotNull @DefaultValue("classpath:seed/routes.json") Resource location,
		@NotBlank @DefaultValue("http://localhost:8090") String functionsUri) {

}
