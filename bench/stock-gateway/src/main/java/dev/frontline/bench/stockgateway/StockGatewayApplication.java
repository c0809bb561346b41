package dev.frontline.bench.stockgateway;

import java.nio.charset.StandardCharsets;

import javax.crypto.spec.SecretKeySpec;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.PrincipalNameKeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * A stock Spring Cloud Gateway to benchmark Frontline's gateway against: routes and the
 * Redis rate limiter come from {@code application.yaml}; this class adds only what the
 * gateway cannot take from properties, the key resolver and the security chain.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class StockGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(StockGatewayApplication.class, args);
	}

	/**
	 * One bucket per authenticated user, like a per-user limit on Frontline's gateway;
	 * the default of routes that name no resolver.
	 */
	@Bean
	@Primary
	KeyResolver principalNameKeyResolver() {
		return new PrincipalNameKeyResolver();
	}

	/**
	 * One bucket per client address, like a per-client-IP limit on Frontline's gateway.
	 */
	@Bean
	KeyResolver remoteAddressKeyResolver() {
		return (exchange) -> Mono.justOrEmpty(exchange.getRequest().getRemoteAddress())
			.map((address) -> address.getAddress().getHostAddress());
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(@Value("${jwt.secret}") String secret) {
		SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		return NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
	}

	/**
	 * A stateless API chain: bearer tokens only, so no CSRF tokens, no session to hold
	 * the security context and no saved request to replay after a login.
	 */
	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/plain/**", "/limited/**")
				.permitAll()
				.pathMatchers("/secured/**")
				.authenticated()
				.anyExchange()
				.denyAll())
			.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()))
			.build();
	}

}
