package dev.frontline.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.frontline.contract.ApiKey;
import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.AuthPolicy.Mode;
import dev.frontline.contract.AuthPolicy.ScopeMatch;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.gateway.testing.AbstractGatewayIntegrationTests;
import dev.frontline.gateway.testing.FunctionRuntimeStub;
import dev.frontline.gateway.testing.Passports;
import dev.frontline.gateway.testing.Tokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The gateway on a port with its local defaults (HS256 tokens), routes with every kind of
 * auth policy, and a stub function runtime that shows what it received.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "frontline.gateway.id=auth-test" })
class AuthenticationIntegrationTests extends AbstractGatewayIntegrationTests {

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String CHALLENGE = "Bearer realm=\"frontline\"";

	@AutoClose
	static FunctionRuntimeStub runtime = FunctionRuntimeStub.start("runtime");

	@Autowired
	MeterRegistry meters;

	@MockitoSpyBean
	ReactiveJwtDecoder decoder;

	long version;

	@BeforeEach
	void connect() {
		runtime.reset();
		clearInvocations(this.decoder);
		apply(List.of(), route("home", "/api/home", AuthPolicy.authenticated()),
				route("product", "/api/products/{id}", AuthPolicy.publicAccess()));
	}

	@Test
	void forwardsAPassportThatNamesTheCallerOfAValidToken() {
		String token = Tokens.hs256((claims) -> claims.claim("scope", "catalog:read profile").claim("azp", "web-app"));
		long before = Instant.now().getEpochSecond();
		this.client.get()
			.uri("/api/home")
			.header("Authorization", "Bearer " + token)
			.header("X-Request-Id", "req-1")
			.exchange()
			.expectStatus()
			.isOk();
		SignedJWT passport = passport();
		assertThat(passport.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
		assertThat(passport.getHeader().getKeyID()).isEqualTo("frontline-dev");
		JWTClaimsSet claims = claims(passport);
		assertThat(claims.getIssuer()).isEqualTo("frontline-gateway");
		assertThat(claims.getAudience()).containsExactly("frontline-functions");
		assertThat(claims.getSubject()).isEqualTo("alice");
		assertThat(claims.getClaim("scope")).isEqualTo("catalog:read profile");
		assertThat(claims.getClaim("client_id")).isEqualTo("web-app");
		assertThat(claims.getClaim("auth")).isEqualTo("jwt");
		assertThat(claims.getClaims()).doesNotContainKey("rid");
		assertThat(claims.getClaim("gid")).isEqualTo("auth-test");
		assertThat(claims.getIssueTime().toInstant().getEpochSecond()).isBetween(before - 1, before + 5);
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void refusesARequestWithoutCredentialsOnAnAuthenticatedRoute() {
		this.client.get()
			.uri("/api/home")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", CHALLENGE)
			.expectHeader()
			.contentType(PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:credentials-missing")
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.instance")
			.isEqualTo("/api/home")
			.jsonPath("$.requestId")
			.isNotEmpty();
		assertThat(runtime.calls()).isZero();
	}

	static Stream<Arguments> invalidTokens() {
		String valid = Tokens.hs256((claims) -> {
		});
		String[] parts = valid.split("\\.");
		return Stream.of(Arguments.of("alg none", Tokens.unsigned((claims) -> {
		})), Arguments.of("alg none with a signature", Tokens.raw("{\"alg\":\"none\"}", "{\"sub\":\"alice\"}")),
				Arguments.of("wrong signature", Tokens.hs256(
						"another-secret-that-is-long-enough-for-hs256".getBytes(StandardCharsets.UTF_8), (claims) -> {
						})),
				Arguments.of("tampered payload",
						parts[0] + "." + Tokens.raw("{}", "{\"sub\":\"mallory\"}").split("\\.")[1] + "." + parts[2]),
				Arguments.of("malformed base64", "%%%." + parts[1] + "." + parts[2]),
				Arguments.of("malformed header JSON", Tokens.raw("{\"alg\":\"HS256\"", "{\"sub\":\"alice\"}")),
				Arguments.of("malformed payload JSON", Tokens.raw("{\"alg\":\"HS256\"}", "{\"sub\":")),
				Arguments.of("not a JWT", "just-some-text"),
				Arguments.of("RS256 without keys", Tokens.rs256(Tokens.rsaKey("k1"), (claims) -> {
				})));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidTokens")
	void refusesAnInvalidToken(String kind, String token) {
		this.client.get()
			.uri("/api/home")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value("WWW-Authenticate",
					(value) -> assertThat(value)
						.startsWith(CHALLENGE + ", error=\"invalid_token\", error_description=\""))
			.expectHeader()
			.contentType(PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:credentials-invalid")
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).doesNotContain("Exception").doesNotContain(token));
		assertThat(runtime.calls()).isZero();
	}

	@Test
	void refusesAnExpiredToken() {
		String token = Tokens
			.hs256((claims) -> claims.issueTime(ago(Duration.ofHours(2))).expirationTime(ago(Duration.ofMinutes(5))));
		expectExpired(token).jsonPath("$.detail").value((detail) -> assertThat(detail.toString()).contains("expired"));
	}

	@Test
	void refusesATokenThatIsNotValidYet() {
		String token = Tokens.hs256((claims) -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(300))));
		expectExpired(token).jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).contains("not valid before"));
	}

	@Test
	void acceptsATokenThatExpiredWithinTheClockSkew() {
		String token = Tokens
			.hs256((claims) -> claims.issueTime(ago(Duration.ofHours(1))).expirationTime(ago(Duration.ofSeconds(10))));
		get("/api/home", token).expectStatus().isOk();
	}

	@Test
	void refusesAnOversizedTokenWithoutParsingIt() {
		String token = Tokens.hs256((claims) -> claims.claim("padding", "x".repeat(9000)));
		get("/api/home", token).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:credentials-invalid")
			.jsonPath("$.detail")
			.isEqualTo("The token is longer than 8192 characters");
		verify(this.decoder, never()).decode(anyString());
	}

	@Test
	void verifiesARepeatedTokenOnlyOnce() {
		String token = Tokens.hs256((claims) -> claims.claim("scope", "profile"));
		for (int i = 0; i < 3; i++) {
			get("/api/home", token).expectStatus().isOk();
			assertThat(claims(passport()).getSubject()).isEqualTo("alice");
		}
		verify(this.decoder, times(1)).decode(token);
	}

	@Test
	void acceptsAnApiKeyOnARouteThatTakesApiKeys() {
		ApiKey.Issued issued = ApiKey.issue("partner-app", List.of("catalog:read"), Instant.now());
		apply(List.of(issued.entry()), route("partner", "/api/partner", withApiKeys(AuthPolicy.authenticated())));
		this.client.get().uri("/api/partner").header("X-API-Key", issued.key()).exchange().expectStatus().isOk();
		JWTClaimsSet claims = claims(passport());
		assertThat(claims.getSubject()).isEqualTo("partner-app");
		assertThat(claims.getClaim("client_id")).isEqualTo("partner-app");
		assertThat(claims.getClaim("scope")).isEqualTo("catalog:read");
		assertThat(claims.getClaim("auth")).isEqualTo("api-key");
		assertThat(runtime.lastHeaders().contains("X-API-Key")).isFalse();
	}

	@Test
	void refusesAnUnknownApiKey() {
		ApiKey.Issued known = ApiKey.issue("partner-app", List.of(), Instant.now());
		ApiKey.Issued unknown = ApiKey.issue("partner-app", List.of(), Instant.now());
		apply(List.of(known.entry()), route("partner", "/api/partner", withApiKeys(AuthPolicy.authenticated())));
		String forged = "fl_" + known.entry().id() + "_" + "A".repeat(43);
		for (String key : List.of(unknown.key(), forged, "not-a-key")) {
			this.client.get()
				.uri("/api/partner")
				.header("X-API-Key", key)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.value("WWW-Authenticate", (value) -> assertThat(value).contains("error=\"invalid_token\""))
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:frontline:problem:credentials-invalid");
		}
		assertThat(runtime.calls()).isZero();
	}

	@Test
	void refusesARevokedApiKeyAsSoonAsTheSnapshotWithoutItApplies() {
		ApiKey.Issued kept = ApiKey.issue("kept-app", List.of(), Instant.now());
		ApiKey.Issued revoked = ApiKey.issue("revoked-app", List.of(), Instant.now());
		RouteRule partner = route("partner", "/api/partner", withApiKeys(AuthPolicy.authenticated()));
		apply(List.of(kept.entry(), revoked.entry()), partner);
		this.client.get().uri("/api/partner").header("X-API-Key", revoked.key()).exchange().expectStatus().isOk();

		apply(List.of(kept.entry()), partner);
		this.client.get()
			.uri("/api/partner")
			.header("X-API-Key", revoked.key())
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:credentials-invalid");
		this.client.get().uri("/api/partner").header("X-API-Key", kept.key()).exchange().expectStatus().isOk();
	}

	@Test
	void refusesAnApiKeyOnARouteThatTakesNone() {
		ApiKey.Issued issued = ApiKey.issue("partner-app", List.of(), Instant.now());
		apply(List.of(issued.entry()), route("home", "/api/home", AuthPolicy.authenticated()));
		this.client.get()
			.uri("/api/home")
			.header("X-API-Key", issued.key())
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:credentials-invalid")
			.jsonPath("$.detail")
			.isEqualTo("This route does not accept API keys");
	}

	@Test
	void forbidsACallerWithoutTheScopeOfTheRouteAndNamesIt() {
		apply(List.of(), route("orders", "/api/orders", scopes(ScopeMatch.ALL, "orders:write")));
		get("/api/orders", Tokens.hs256((claims) -> claims.claim("scope", "orders:read"))).expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals("WWW-Authenticate", CHALLENGE + ", error=\"insufficient_scope\", scope=\"orders:write\"")
			.expectHeader()
			.contentType(PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:insufficient-scope")
			.jsonPath("$.status")
			.isEqualTo(403);
		assertThat(runtime.calls()).isZero();
	}

	@Test
	void requiresAllScopesOfTheRouteUnlessAnyWillDo() {
		apply(List.of(), route("all", "/api/all", scopes(ScopeMatch.ALL, "a", "b")),
				route("any", "/api/any", scopes(ScopeMatch.ANY, "a", "b")));
		String onlyA = Tokens.hs256((claims) -> claims.claim("scope", "a"));
		String onlyB = Tokens.hs256((claims) -> claims.claim("scp", List.of("b")));
		String both = Tokens.hs256((claims) -> claims.claim("scope", "a").claim("roles", List.of("b")));
		String neither = Tokens.hs256((claims) -> claims.claim("scope", "c"));
		get("/api/all", onlyA).expectStatus().isForbidden();
		get("/api/all", both).expectStatus().isOk();
		get("/api/any", onlyB).expectStatus().isOk();
		get("/api/any", neither).expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals("WWW-Authenticate", CHALLENGE + ", error=\"insufficient_scope\", scope=\"a b\"");
	}

	@Test
	void letsAnonymousCallersThroughAPublicRouteWithAnAnonymousPassport() {
		this.client.get().uri("/api/products/p1").exchange().expectStatus().isOk();
		JWTClaimsSet claims = claims(passport());
		assertThat(claims.getSubject()).isEqualTo("anonymous");
		assertThat(claims.getClaim("auth")).isEqualTo("anonymous");
		assertThat(claims.getClaim("scope")).isEqualTo("");
		assertThat(claims.getClaims()).doesNotContainKey("client_id");
	}

	@Test
	void identifiesACallerWithAValidTokenOnAPublicRouteAndIgnoresAnInvalidOne() {
		get("/api/products/p1", Tokens.hs256((claims) -> claims.subject("bob"))).expectStatus().isOk();
		assertThat(claims(passport()).getSubject()).isEqualTo("bob");
		get("/api/products/p1", Tokens.unsigned((claims) -> claims.subject("mallory"))).expectStatus().isOk();
		assertThat(claims(passport()).getSubject()).isEqualTo("anonymous");
	}

	@Test
	void forwardsNoIdentityHeaderTheClientSent() {
		String token = Tokens.hs256((claims) -> {
		});
		String forged = Tokens.hs256((claims) -> claims.subject("mallory"));
		this.client.get()
			.uri("/api/home")
			.header("Authorization", "Bearer " + token)
			.header("X-Frontline-Passport", forged)
			.header("X-Frontline-User", "mallory")
			.header("X-User-Id", "mallory")
			.header("X-Forwarded-User", "mallory")
			.header("X-Auth-Request-User", "mallory")
			.header("X-Authenticated-User", "mallory")
			.exchange()
			.expectStatus()
			.isOk();
		var received = runtime.lastHeaders();
		assertThat(received.getAll("X-Frontline-Passport")).hasSize(1);
		assertThat(claims(passport()).getSubject()).isEqualTo("alice");
		assertThat(received.names())
			.noneMatch((name) -> name.equalsIgnoreCase("X-Frontline-User") || name.equalsIgnoreCase("X-User-Id")
					|| name.equalsIgnoreCase("X-Forwarded-User") || name.equalsIgnoreCase("X-Auth-Request-User")
					|| name.equalsIgnoreCase("X-Authenticated-User") || name.equalsIgnoreCase("Authorization"));
	}

	@Test
	void forwardsTheBearerTokenOnlyToARouteThatRelaysIt() {
		AuthPolicy relaying = new AuthPolicy(Mode.AUTHENTICATED, List.of(), ScopeMatch.ALL, false, true);
		apply(List.of(), route("relay", "/api/relay", relaying),
				route("home", "/api/home", AuthPolicy.authenticated()));
		String token = Tokens.hs256((claims) -> {
		});
		get("/api/relay", token).expectStatus().isOk();
		assertThat(runtime.lastHeaders().get("Authorization")).isEqualTo("Bearer " + token);
		assertThat(runtime.lastHeaders().get("X-Frontline-Passport")).isNotNull();
		get("/api/home", token).expectStatus().isOk();
		assertThat(runtime.lastHeaders().get("Authorization")).isNull();
	}

	@Test
	void relaysNoTokenThatFailedVerification() {
		AuthPolicy publicRelaying = new AuthPolicy(Mode.PUBLIC, List.of(), ScopeMatch.ALL, false, true);
		apply(List.of(), route("open-relay", "/api/open-relay", publicRelaying));
		get("/api/open-relay", Tokens.unsigned((claims) -> claims.subject("mallory"))).expectStatus().isOk();
		assertThat(claims(passport()).getSubject()).isEqualTo("anonymous");
		assertThat(runtime.lastHeaders().get("Authorization")).isNull();
	}

	@Test
	void countsRefusalsByReasonAndRoute() {
		ApiKey.Issued issued = ApiKey.issue("partner-app", List.of(), Instant.now());
		apply(List.of(issued.entry()), route("home", "/api/home", AuthPolicy.authenticated()),
				route("partner", "/api/partner", withApiKeys(AuthPolicy.authenticated())),
				route("orders", "/api/orders", scopes(ScopeMatch.ALL, "orders:write")));
		Map<String, Double> before = failures();
		String expired = Tokens
			.hs256((claims) -> claims.issueTime(ago(Duration.ofHours(2))).expirationTime(ago(Duration.ofHours(1))));
		this.client.get().uri("/api/home").exchange().expectStatus().isUnauthorized();
		get("/api/home", Tokens.unsigned((claims) -> {
		})).expectStatus().isUnauthorized();
		get("/api/home", expired).expectStatus().isUnauthorized();
		this.client.get()
			.uri("/api/home")
			.header("Authorization", "Basic YWxpY2U6c2VjcmV0")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.client.get().uri("/api/home").header("X-API-Key", issued.key()).exchange().expectStatus().isUnauthorized();
		this.client.get()
			.uri("/api/partner")
			.header("X-API-Key", "not-a-key")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		get("/api/orders", Tokens.hs256((claims) -> claims.claim("scope", "orders:read"))).expectStatus().isForbidden();
		assertThat(increase(before, failures())).containsOnly(Map.entry("missing_token/home", 1.0),
				Map.entry("invalid_token/home", 1.0), Map.entry("expired_token/home", 1.0),
				Map.entry("unsupported_scheme/home", 1.0), Map.entry("api_key_not_allowed/home", 1.0),
				Map.entry("invalid_api_key/partner", 1.0), Map.entry("insufficient_scope/orders", 1.0));
	}

	/**
	 * The refusals counted so far, by {@code reason/route}.
	 */
	private Map<String, Double> failures() {
		Map<String, Double> counts = new HashMap<>();
		for (Counter counter : this.meters.find(AuthProblems.FAILURES).counters()) {
			counts.put(counter.getId().getTag("reason") + "/" + counter.getId().getTag("route"), counter.count());
		}
		return counts;
	}

	private static Map<String, Double> increase(Map<String, Double> before, Map<String, Double> after) {
		Map<String, Double> increase = new HashMap<>();
		after.forEach((key, count) -> {
			double added = count - before.getOrDefault(key, 0.0);
			if (added != 0) {
				increase.put(key, added);
			}
		});
		return increase;
	}

	private WebTestClient.BodyContentSpec expectExpired(String token) {
		return get("/api/home", token).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value("WWW-Authenticate", (value) -> assertThat(value).startsWith(CHALLENGE + ", error=\"invalid_token\""))
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:credentials-expired");
	}

	private ResponseSpec get(String path, String token) {
		return this.client.get().uri(path).header("Authorization", "Bearer " + token).exchange();
	}

	private static SignedJWT passport() {
		String passport = runtime.lastHeaders().get("X-Frontline-Passport");
		assertThat(passport).as("passport received by the function runtime").isNotNull();
		return Passports.verified(passport);
	}

	private static JWTClaimsSet claims(SignedJWT passport) {
		try {
			return passport.getJWTClaimsSet();
		}
		catch (java.text.ParseException ex) {
			throw new AssertionError(ex);
		}
	}

	private static Date ago(Duration duration) {
		return Date.from(Instant.now().minus(duration));
	}

	private void apply(List<ApiKey> keys, RouteRule... rules) {
		this.routes.apply(ConfigSnapshot.of(++this.version, Instant.now(), "test", List.of(rules), keys));
	}

	private static AuthPolicy withApiKeys(AuthPolicy policy) {
		return new AuthPolicy(policy.mode(), policy.scopes(), policy.scopeMatch(), true, policy.tokenRelay());
	}

	private static AuthPolicy scopes(ScopeMatch match, String... scopes) {
		return new AuthPolicy(Mode.SCOPES, List.of(scopes), match, false, false);
	}

	private static RouteRule route(String id, String path, AuthPolicy auth) {
		return RouteRule.of(id, RouteMatch.of(path, "GET"), Target.of(runtime.uri(), "echo")).withAuth(auth);
	}

}
