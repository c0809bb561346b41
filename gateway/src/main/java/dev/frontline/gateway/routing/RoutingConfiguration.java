package dev.frontline.gateway.routing;

import dev.frontline.gateway.canary.CanarySplitter;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Routes from config snapshots instead of static configuration.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

	@Bean
	SnapshotRouteLocator snapshotRouteLocator(Validator validator, RetryGatewayFilterFactory retries,
			CanarySplitter canaries, JsonMapper json, ApplicationEventPublisher events) {
		return new SnapshotRouteLocator(validator, retries, canaries, json, events);
	}

}
