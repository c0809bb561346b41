package dev.frontline.admin.security;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Requires the control-plane token on the endpoints gateways call. People's logins do not
 * exist yet, so the REST API for people is open, except under the {@code prod} profile,
 * where it requires the control-plane token as well rather than stay open to anyone.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

	/** The endpoints gateways call. */
	static final List<String> GATEWAY_ENDPOINTS = List.of("/api/v1/config/watch", "/api/v1/gateways/*/status");

	private final ControlPlaneProperties properties;

	private final boolean production;

	SecurityConfiguration(ControlPlaneProperties properties, Environment environment) {
		this.production = environment.matchesProfiles("prod");
		if (this.production && properties.usesDefaultToken()) {
			throw new DefaultTokenInProduction();
		}
		this.properties = properties;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		List<String> protectedPaths = this.production ? List.of("/api/**") : GATEWAY_ENDPOINTS;
		registry.addInterceptor(new ControlPlaneTokenInterceptor(this.properties.token()))
			.addPathPatterns(protectedPaths);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new AuthorArgumentResolver());
	}

}
