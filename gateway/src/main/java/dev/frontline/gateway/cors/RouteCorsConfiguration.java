package dev.frontline.gateway.cors;

import dev.frontline.gateway.routing.SnapshotRouteLocator;
import dev.frontline.gateway.web.ProblemWriter;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cross-origin access per route, from the CORS policies of the snapshot.
 */
@Configuration(proxyBeanMethods = false)
class RouteCorsConfiguration {

	@Bean
	RouteCorsConfigurations routeCorsConfigurations() {
		return new RouteCorsConfigurations();
	}

	@Bean
	RouteCorsProcessor routeCorsProcessor() {
		return new RouteCorsProcessor();
	}

	@Bean
	PreflightWebFilter preflightWebFilter(RouteLocator routeLocator, SnapshotRouteLocator rules,
			RouteCorsConfigurations configurations, RouteCorsProcessor processor, ProblemWriter problems) {
		return new PreflightWebFilter(routeLocator, rules, configurations, processor, problems);
	}

	@Bean
	CorsGlobalFilter corsGlobalFilter(SnapshotRouteLocator rules, RouteCorsConfigurations configurations,
			RouteCorsProcessor processor) {
		return new CorsGlobalFilter(rules, configurations, processor);
	}

}
