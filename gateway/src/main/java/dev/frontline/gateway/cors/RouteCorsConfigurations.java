package dev.frontline.gateway.cors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.frontline.contract.CorsPolicy;
import dev.frontline.contract.RouteRule;
import org.jspecify.annotations.Nullable;

import org.springframework.web.cors.CorsConfiguration;

/**
 * The CORS configuration of each route, as Spring's {@link CorsConfiguration}, built once
 * per rule: a new snapshot brings new rules, and with them new configurations. The status
 * resource of a route's asynchronous invocations has the configuration of the route, for
 * its own methods, {@code GET} and {@code DELETE}.
 */
final class RouteCorsConfigurations {

	/** Methods allowed cross-origin on a route that takes any method. */
	private static final List<String> SIMPLE_METHODS = List.of("GET", "HEAD", "POST");

	/** Methods of the status resource of asynchronous invocations. */
	private static final List<String> INVOCATION_STATUS_METHODS = List.of("GET", "DELETE");

	/** Routes whose configuration is kept; past it, all are built again. */
	private static final int KEPT = 1024;

	private final Map<String, Built> built = new ConcurrentHashMap<>();

	private final Map<String, Built> builtForInvocationStatus = new ConcurrentHashMap<>();

	/**
	 * The CORS configuration of the rule, for its calls or for the status resource of its
	 * asynchronous invocations.
	 * @return the configuration, or {@code null} if the route allows no cross-origin
	 * requests
	 */
	@Nullable CorsConfiguration of(RouteRule rule, boolean invocationStatus) {
		CorsPolicy policy = rule.cors();
		if (policy == null) {
			return null;
		}
		Map<String, Built> built = invocationStatus ? this.builtForInvocationStatus : this.built;
		Built known = built.get(rule.id());
		// The same rule, not an equal one: rules are replaced with each snapshot.
		if (known != null && known.rule() == rule) {
			return known.configuration();
		}
		if (built.size() >= KEPT) {
			built.clear();
		}
		CorsConfiguration configuration = configuration(policy, rule);
		if (invocationStatus) {
			configuration.setAllowedMethods(INVOCATION_STATUS_METHODS);
		}
		built.put(rule.id(), new Built(rule, configuration));
		return configuration;
	}

	static CorsConfiguration configuration(CorsPolicy policy, RouteRule rule) {
		CorsConfiguration configuration = new CorsConfiguration();
		List<String> origins = new ArrayList<>();
		List<String> patterns = new ArrayList<>();
		for (String origin : policy.allowedOrigins()) {
			(origin.equals(CorsConfiguration.ALL) || !origin.contains("*") ? origins : patterns).add(origin);
		}
		configuration.setAllowedOrigins(origins);
		configuration.setAllowedOriginPatterns(patterns);
		if (!policy.allowedMethods().isEmpty()) {
			configuration.setAllowedMethods(policy.allowedMethods());
		}
		else {
			configuration.setAllowedMethods(
					rule.match().methods().isEmpty() ? SIMPLE_METHODS : List.copyOf(rule.match().methods()));
		}
		configuration.setAllowedHeaders(policy.allowedHeaders());
		configuration.setExposedHeaders(policy.exposedHeaders());
		configuration.setAllowCredentials(policy.allowCredentials());
		configuration.setMaxAge(policy.maxAge());
		return configuration;
	}

	private record Built(RouteRule rule, CorsConfiguration configuration) {

	}

}
