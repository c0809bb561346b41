package dev.frontline.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.gateway.testing.AbstractGatewayIntegrationTests;
import dev.frontline.gateway.testing.FunctionRuntimeStub;
import dev.frontline.gateway.testing.JwksStub;
import dev.frontline.gateway.testing.Passports;
import dev.frontline.gateway.testing.Tokens;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway verifying tokens with the keys of an issuer's JWK set (RS256 and ES256),
 * with an issuer and an audience to check, as in production.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "frontline.gateway.id=jwks-test",
				"frontline.gateway.auth.jwt.issuer=https://issuer.example.com",
				"frontline.gateway.auth.jwt.audiences=frontline-api,other-api",
				"frontline.gateway.auth.jwt.jwk-set.min-refetch-interval=1s" })
class JwkSetAuthenticationIntegrationTests extends AbstractGatewayIntegrationTests {

	private static final String ISSUER = "https://issuer.example.com";

	private static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(1);

	@AutoClose
	static FunctionRuntimeStub runtime = FunctionRuntimeStub.start("runtime");

	@AutoClose
	static JwksStub issuer = JwksStub.start();

	static RSAKey rsaKey = Tokens.rsaKey("rsa-1");

	static ECKey ecKey = Tokens.ecKey("ec-1");

	@DynamicPropertySource
	static void issuerProperties(DynamicPropertyRegistry registry) {
		registry.add("frontline.gateway.auth.jwt.jwk-set-uri", issuer::uri);
	}

	@BeforeEach
	void connect() {
		issuer.publish(List.of(rsaKey, ecKey));
		this.routes.apply(ConfigSnapshot.of(1, Instant.now(), "test",
				List.of(RouteRule.of("home", RouteMatch.of("/api/home", "GET"), Target.of(runtime.uri(), "echo"))
					.withAuth(AuthPolicy.authenticated()))));
	}

	@Test
	void acceptsRs256AndEs256TokensSignedWithThePublishedKeys() {
		get(Tokens.rs256(rsaKey, (claims) -> issuedForTheGateway(claims).subject("rita"))).expectStatus().isOk();
		assertThat(passportSubject()).isEqualTo("rita");
		get(Tokens.es256(ecKey, (claims) -> issuedForTheGateway(claims).subject("eric"))).expectStatus().isOk();
		assertThat(passportSubject()).isEqualTo("eric");
	}

	@Test
	void refusesATokenOfAnotherIssuer() {
		expectInvalid(Tokens.rs256(rsaKey, (claims) -> issuedForTheGateway(claims).issuer("https://evil.example")))
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).contains("iss"));
	}

	@Test
	void refusesATokenForAnotherAudience() {
		expectInvalid(Tokens.rs256(rsaKey, (claims) -> issuedForTheGateway(claims).audience("someone-else")))
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).contains("aud"));
		expectInvalid(Tokens.rs256(rsaKey, (claims) -> issuedForTheGateway(claims).audience((String) null)));
	}

	@Test
	void refusesAnHs256TokenSignedWithThePublicKeyOfTheIssuer() throws JOSEException {
		byte[] der = rsaKey.toRSAPublicKey().getEncoded();
		String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
				+ "\n-----END PUBLIC KEY-----\n";
		int fetches = issuer.fetches();
		for (byte[] secret : List.of(der, pem.getBytes(StandardCharsets.US_ASCII),
				rsaKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8))) {
			expectInvalid(Tokens.hs256(secret, (claims) -> issuedForTheGateway(claims)));
		}
		assertThat(issuer.fetches()).as("no refetch for an algorithm that is not accepted").isEqualTo(fetches);
	}

	@Test
	void refusesAnHs256TokenSignedWithTheDevelopmentSecret() {
		expectInvalid(Tokens.hs256((claims) -> issuedForTheGateway(claims)));
	}

	@Test
	void acceptsATokenSignedWithARotatedKeyOnceTheKeySetIsFetchedAgain() {
		get(Tokens.rs256(rsaKey, this::issuedForTheGateway)).expectStatus().isOk();
		RSAKey rotated = Tokens.rsaKey("rsa-2-" + UUID.randomUUID());
		// The issuer publishes its next key next to the current one, as rotations go.
		issuer.publish(List.of(rsaKey, rotated, ecKey));
		// Accepted once the refetch interval allows the gateway to fetch the key set
		// again.
		await().atMost(MIN_REFETCH_INTERVAL.multipliedBy(3))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> get(Tokens.rs256(rotated, (claims) -> issuedForTheGateway(claims).subject("rotated")))
				.expectStatus()
				.isOk());
		assertThat(passportSubject()).isEqualTo("rotated");
	}

	@Test
	void fetchesTheKeySetForUnknownKeyIdsAtMostOncePerInterval() throws InterruptedException {
		Thread.sleep(MIN_REFETCH_INTERVAL.plusMillis(100).toMillis());
		int before = issuer.fetches();
		long start = System.nanoTime();
		for (int i = 0; i < 40; i++) {
			RSAKey unknown = Tokens.rsaKey("unknown-" + i);
			expectInvalid(Tokens.rs256(unknown, this::issuedForTheGateway));
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		long allowed = 1 + elapsed.toMillis() / MIN_REFETCH_INTERVAL.toMillis();
		assertThat(issuer.fetches() - before).isPositive().isLessThanOrEqualTo((int) allowed);
	}

	private com.nimbusds.jwt.JWTClaimsSet.Builder issuedForTheGateway(com.nimbusds.jwt.JWTClaimsSet.Builder claims) {
		return claims.issuer(ISSUER).audience(List.of("frontline-api"));
	}

	private WebTestClient.BodyContentSpec expectInvalid(String token) {
		return get(token).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value("WWW-Authenticate", (value) -> assertThat(value).contains("error=\"invalid_token\""))
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:credentials-invalid");
	}

	private ResponseSpec get(String token) {
		return this.client.get().uri("/api/home").header("Authorization", "Bearer " + token).exchange();
	}

	private static String passportSubject() {
		try {
			return Passports.verified(runtime.lastHeaders().get("X-Frontline-Passport")).getJWTClaimsSet().getSubject();
		}
		catch (java.text.ParseException ex) {
			throw new AssertionError(ex);
		}
	}

}
