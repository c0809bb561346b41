package dev.frontline.gateway.cors;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.CorsPolicy;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.gateway.testing.AbstractGatewayIntegrationTests;
import dev.frontline.gateway.testing.FunctionRuntimeStub;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsers calling routes across origins: preflights answered by the gateway, CORS
 * headers on the answers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "frontline.gateway.id=cors-test" })
class CorsIntegrationTests extends AbstractGatewayIntegrationTests {

	private static final String SHOP = "https://shop.example.com";

	private static final String EVIL = "https://evil.example.net";

	@AutoClose
	static FunctionRuntimeStub runtime = FunctionRuntimeStub.start("runtime");

	@BeforeEach
	void connect() {
		runtime.reset();
		CorsPolicy catalog = new CorsPolicy(List.of(SHOP, "https://*.example.org"), null, null, List.of("X-Request-Id"),
				false, Duration.ofMinutes(10));
		CorsPolicy cartWrites = new CorsPolicy(List.of(SHOP), null, null, null, true, null);
		this.routes.apply(ConfigSnapshot.of(1, Instant.now(), "test",
				List.of(route("product", "/api/products/{id}", "GET", AuthPolicy.publicAccess()).withCors(catalog),
						route("cart-write", "/api/cart", "PUT", AuthPolicy.authenticated()).withCors(cartWrites),
						route("cart-read", "/api/cart", "GET", AuthPolicy.authenticated()))));
	}

	@Test
	void answersAnAllowedPreflightWithoutCredentialsOrACallOfTheTarget() {
		this.client.options()
			.uri("/api/cart")
			.header("Origin", SHOP)
			.header("Access-Control-Request-Method", "PUT")
			.header("Access-Control-Request-Headers", "authorization, content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", SHOP)
			.expectHeader()
			.valueEquals("Access-Control-Allow-Methods", "PUT")
			.expectHeader()
			.valueEquals("Access-Control-Allow-Headers", "authorization, content-type")
			.expectHeader()
			.valueEquals("Access-Control-Allow-Credentials", "true")
			.expectHeader()
			.valueEquals("Access-Control-Max-Age", "1800");
		assertThat(runtime.calls()).isZero();
	}

	@Test
	void answersAPreflightByTheRouteThatWouldMatchTheIntendedMethod() {
		this.client.options()
			.uri("/api/cart")
			.header("Origin", SHOP)
			.header("Access-Control-Request-Method", "GET")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:cors-rejected")
			.jsonPath("$.detail")
			.isEqualTo("Route 'cart-read' allows no cross-origin requests");
	}

	@Test
	void refusesAPreflightFromAnOriginTheRouteDoesNotAllow() {
		this.client.options()
			.uri("/api/products/p1")
			.header("Origin", EVIL)
			.header("Access-Control-Request-Method", "GET")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType("application/problem+json")
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:cors-rejected")
			.jsonPath("$.detail")
			.isEqualTo("Origin " + EVIL + " may not call route 'product'");
		assertThat(runtime.calls()).isZero();
	}

	@Test
	void refusesAPreflightForAMethodTheRouteDoesNotAllowCrossOrigin() {
		RouteRule anyMethod = RouteRule.of("any", RouteMatch.of("/api/any"), Target.of(runtime.uri(), "echo"))
			.withCors(CorsPolicy.allowing(SHOP));
		this.routes.apply(ConfigSnapshot.of(2, Instant.now(), "test", List.of(anyMethod)));
		preflight("/api/any", SHOP, "POST").expectStatus().isOk();
		preflight("/api/any", SHOP, "DELETE").expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Method DELETE is not allowed cross-origin on route 'any'");
	}

	@Test
	void allowsTheOriginsOfAWildcardSubdomainPattern() {
		preflight("/api/products/p1", "https://eu.example.org", "GET").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "https://eu.example.org")
			.expectHeader()
			.valueEquals("Access-Control-Max-Age", "600");
		preflight("/api/products/p1", "https://example.org.evil.net", "GET").expectStatus().isForbidden();
	}

	@Test
	void addsCorsHeadersToTheAnswerForAnAllowedOrigin() {
		this.client.get()
			.uri("/api/products/p1")
			.header("Origin", SHOP)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", SHOP)
			.expectHeader()
			.valueEquals("Access-Control-Expose-Headers", "X-Request-Id")
			.expectHeader()
			.value("Vary", (vary) -> assertThat(vary).contains("Origin"));
		assertThat(runtime.calls()).isOne();
	}

	@Test
	void addsNoCorsHeadersToTheAnswerForAnotherOrigin() {
		this.client.get()
			.uri("/api/products/p1")
			.header("Origin", EVIL)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin")
			.expectHeader()
			.doesNotExist("Access-Control-Expose-Headers");
	}

	@Test
	void letsAnAllowedOriginReadARefusal() {
		this.client.put()
			.uri("/api/cart")
			.header("Origin", SHOP)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", SHOP)
			.expectHeader()
			.valueEquals("Access-Control-Allow-Credentials", "true");
	}

	private WebTestClient.ResponseSpec preflight(String path, String origin, String method) {
		return this.client.options()
			.uri(path)
			.header("Origin", origin)
			.header("Access-Control-Request-Method", method)
			.exchange();
	}

	private static RouteRule route(String id, String path, String method, AuthPolicy auth) {
		return RouteRule.of(id, RouteMatch.of(path, method), Target.of(runtime.uri(), "echo")).withAuth(auth);
	}

}
