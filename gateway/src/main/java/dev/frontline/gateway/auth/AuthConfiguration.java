package dev.frontline.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import dev.frontline.gateway.config.GatewayIdentity;
import dev.frontline.gateway.routing.SnapshotRouteLocator;
import dev.frontline.gateway.web.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Authentication of callers, enforcement of route auth policies, and passports. Under the
 * {@code prod} profile the gateway refuses to start with the secrets of local
 * development.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AuthProperties.class, PassportProperties.class })
class AuthConfiguration {

	private final boolean production;

	AuthConfiguration(Environment environment) {
		this.production = environment.matchesProfiles("prod");
	}

	@Bean
	ReactiveJwtDecoder bearerTokenDecoder(AuthProperties properties, WebClient.Builder webClient) {
		AuthProperties.Jwt jwt = properties.jwt();
		NimbusReactiveJwtDecoder decoder = jwt.usesJwkSet() ? jwkSetDecoder(jwt, webClient) : hmacDecoder(jwt);
		decoder.setJwtValidator(validator(jwt));
		return decoder;
	}

	private NimbusReactiveJwtDecoder hmacDecoder(AuthProperties.Jwt jwt) {
		if (this.production && AuthProperties.DEVELOPMENT_HMAC_SECRET.equals(jwt.hmacSecret())) {
			throw new DevelopmentSecretInProduction("frontline.gateway.auth.jwt.hmac-secret", "the HMAC secret");
		}
		SecretKeySpec secret = new SecretKeySpec(jwt.hmacSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		return NimbusReactiveJwtDecoder.withSecretKey(secret).macAlgorithm(MacAlgorithm.HS256).build();
	}

	private static NimbusReactiveJwtDecoder jwkSetDecoder(AuthProperties.Jwt jwt, WebClient.Builder webClient) {
		Set<JWSAlgorithm> algorithms = jwt.jwsAlgorithms()
			.stream()
			.map(SignatureAlgorithm::getName)
			.map(JWSAlgorithm::parse)
			.collect(Collectors.toUnmodifiableSet());
		// Fetches of keys are no routed requests: keep them out of the gateway's client
		// metrics.
		WebClient client = webClient.observationRegistry(ObservationRegistry.NOOP).build();
		RateLimitedJwkSource keys = new RateLimitedJwkSource(client, jwt.jwkSetUri(), algorithms, jwt.jwkSet());
		return NimbusReactiveJwtDecoder.withJwkSource(keys)
			// Only the configured algorithms, whatever a token's header says.
			.jwtProcessorCustomizer((processor) -> processor
				.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, new JWKSecurityContextJWKSet())))
			.build();
	}

	private static OAuth2TokenValidator<Jwt> validator(AuthProperties.Jwt jwt) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new ExpiryValidator(jwt.clockSkew()));
		if (jwt.issuer() != null) {
			validators.add(new JwtIssuerValidator(jwt.issuer()));
		}
		if (!jwt.audiences().isEmpty()) {
			List<String> audiences = List.copyOf(jwt.audiences());
			validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
					(aud) -> aud != null && aud.stream().anyMatch(audiences::contains)));
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	@Bean
	BearerTokenAuthenticator bearerTokenAuthenticator(ReactiveJwtDecoder bearerTokenDecoder, AuthProperties properties,
			MeterRegistry meters) {
		BearerTokenAuthenticator authenticator = new BearerTokenAuthenticator(bearerTokenDecoder,
				properties.jwt().maxTokenLength(), properties.tokenCacheSize());
		CaffeineCacheMetrics.monitor(meters, authenticator.verified(), "frontline.gateway.auth.verified-tokens");
		return authenticator;
	}

	@Bean
	ApiKeyAuthenticator apiKeyAuthenticator(SnapshotRouteLocator routes) {
		return new ApiKeyAuthenticator(routes);
	}

	@Bean
	AuthenticationGlobalFilter authenticationGlobalFilter(SnapshotRouteLocator routes, BearerTokenAuthenticator tokens,
			ApiKeyAuthenticator apiKeys, ProblemWriter problems, MeterRegistry meters, AuthProperties properties) {
		return new AuthenticationGlobalFilter(routes, tokens, apiKeys,
				new AuthProblems(problems, meters, properties.apiKeyHeader()), properties.apiKeyHeader());
	}

	@Bean
	PassportSigner passportSigner(PassportProperties properties, ResourceLoader resources, GatewayIdentity identity) {
		PassportKey key = PassportKey.read(properties.signingKey(), resources);
		if (this.production && key.isDevelopmentKey(resources)) {
			throw new DevelopmentSecretInProduction("frontline.passport.signing-key", "the passport signing key");
		}
		return new PassportSigner(key.privateKey(), properties.keyId(), properties.audience(), identity.id(),
				properties.ttl(), Clock.systemUTC());
	}

	@Bean
	PassportHttpHeadersFilter passportHttpHeadersFilter(PassportSigner signer, AuthProperties properties) {
		return new PassportHttpHeadersFilter(signer, properties.apiKeyHeader());
	}

}
