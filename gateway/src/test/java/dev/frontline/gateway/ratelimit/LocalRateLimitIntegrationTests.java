package dev.frontline.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import dev.frontline.contract.ApiKey;
import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RateLimitPolicy;
import dev.frontline.contract.RateLimitPolicy.ClientOverride;
import dev.frontline.contract.RateLimitPolicy.KeyType;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.gateway.routing.InvalidSnapshot;
import dev.frontline.gateway.testing.AbstractGatewayIntegrationTests;
import dev.frontline.gateway.testing.FunctionRuntimeStub;
import dev.frontline.gateway.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A gateway with buckets in local memory, behind a trusted proxy (the tests connect from
 * 127.0.0.1, which is configured as one), so that each test can be its own client by
 * {@code X-Forwarded-For}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
		"frontline.gateway.id=rate-limit-test", "frontline.gateway.rate-limit.trusted-proxies=127.0.0.1" })
class LocalRateLimitIntegrationTests extends AbstractGatewayIntegrationTests {

	@AutoClose
	static FunctionRuntimeStub runtime = FunctionRuntimeStub.start("runtime");

	@Autowired
	MeterRegistry meters;

	long version;

	@Test
	void allowsTheBurstThenRejectsWithHeadersThenAllowsAgainAfterRefill() throws InterruptedException {
		apply(null, route("exact", "/api/exact", ipLimit(1, Duration.ofSeconds(1), 2)));
		get("/api/exact", "10.0.0.1").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("RateLimit-Policy", "\"exact\";q=2;w=1")
			.expectHeader()
			.valueEquals("RateLimit", "\"exact\";r=1;t=0")
			.expectHeader()
			.valueEquals("X-RateLimit-Limit", "2")
			.expectHeader()
			.valueEquals("X-RateLimit-Remaining", "1")
			.expectHeader()
			.valueEquals("X-Stub", "runtime");
		get("/api/exact", "10.0.0.1").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("RateLimit", "\"exact\";r=0;t=1")
			.expectHeader()
			.valueEquals("X-RateLimit-Remaining", "0")
			.expectHeader()
			.valueEquals("X-RateLimit-Reset", "2");
		int calls = runtime.calls();
		get("/api/exact", "10.0.0.1").expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType("application/problem+json")
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "1")
			.expectHeader()
			.valueEquals("RateLimit-Policy", "\"exact\";q=2;w=1")
			.expectHeader()
			.valueEquals("RateLimit", "\"exact\";r=0;t=1")
			.expectHeader()
			.valueEquals("X-RateLimit-Limit", "2")
			.expectHeader()
			.valueEquals("X-RateLimit-Remaining", "0")
			.expectHeader()
			.valueEquals("X-RateLimit-Reset", "2")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:rate-limited")
			.jsonPath("$.status")
			.isEqualTo(429);
		assertThat(runtime.calls()).isEqualTo(calls);
		Thread.sleep(1100);
		get("/api/exact", "10.0.0.1").expectStatus().isOk();
		assertThat(count("exact", "client-ip", "allowed")).isEqualTo(3);
		assertThat(count("exact", "client-ip", "rejected")).isEqualTo(1);
	}

	@Test
	void answersRoutesWithoutAPolicyWithoutLimitHeaders() {
		apply(null, route("free", "/api/free", null));
		for (int i = 0; i < 5; i++) {
			get("/api/free", "10.0.1.1").expectStatus().isOk().expectHeader().doesNotExist("RateLimit");
		}
	}

	@Test
	void keepsABucketPerClientAddressAndHonoursForwardedForFromTheTrustedProxy() {
		apply(null, route("by-ip", "/api/by-ip", ipLimit(1, Duration.ofMinutes(1), 1)));
		get("/api/by-ip", "10.0.2.1").expectStatus().isOk();
		get("/api/by-ip", "10.0.2.1").expectStatus().isEqualTo(429);
		get("/api/by-ip", "10.0.2.2").expectStatus().isOk();
		// The client is the rightmost address the trusted proxy did not add itself.
		get("/api/by-ip", "10.0.2.2, 10.0.2.3").expectStatus().isOk();
		get("/api/by-ip", "10.0.2.1, 10.0.2.3").expectStatus().isEqualTo(429);
	}

	@Test
	void keepsABucketPerHeaderValueAndFallsBackToTheAddress() {
		apply(null, route("by-tenant", "/api/by-tenant",
				new RateLimitPolicy(KeyType.HEADER, "X-Tenant", 1, Duration.ofMinutes(1), 1)));
		send("/api/by-tenant", (headers) -> headers.set("X-Tenant", "a")).expectStatus().isOk();
		send("/api/by-tenant", (headers) -> headers.set("X-Tenant", "a")).expectStatus().isEqualTo(429);
		send("/api/by-tenant", (headers) -> headers.set("X-Tenant", "b")).expectStatus().isOk();
		get("/api/by-tenant", "10.0.3.1").expectStatus().isOk();
		get("/api/by-tenant", "10.0.3.1").expectStatus().isEqualTo(429);
		String longTenant = "t".repeat(2000);
		send("/api/by-tenant", (headers) -> headers.set("X-Tenant", longTenant)).expectStatus().isOk();
		send("/api/by-tenant", (headers) -> headers.set("X-Tenant", longTenant)).expectStatus().isEqualTo(429);
		send("/api/by-tenant", (headers) -> headers.set("X-Tenant", longTenant + "u")).expectStatus().isOk();
		send("/api/by-tenant", (headers) -> {
			headers.set("X-Tenant", "c");
			headers.set("X-Forwarded-For", "10.0.3.1");
		}).expectStatus().isOk();
	}

	@Test
	void keepsABucketPerUserAndAnonymousCallersByAddress() {
		apply(null,
				route("by-user", "/api/by-user", new RateLimitPolicy(KeyType.USER, null, 1, Duration.ofMinutes(1), 1)));
		String alice = Tokens.hs256((claims) -> claims.subject("alice"));
		String bob = Tokens.hs256((claims) -> claims.subject("bob"));
		send("/api/by-user", (headers) -> headers.setBearerAuth(alice)).expectStatus().isOk();
		send("/api/by-user", (headers) -> {
			headers.setBearerAuth(alice);
			headers.set("X-Forwarded-For", "10.0.4.9");
		}).expectStatus().isEqualTo(429);
		send("/api/by-user", (headers) -> headers.setBearerAuth(bob)).expectStatus().isOk();
		get("/api/by-user", "10.0.4.1").expectStatus().isOk();
		get("/api/by-user", "10.0.4.1").expectStatus().isEqualTo(429);
		get("/api/by-user", "10.0.4.2").expectStatus().isOk();
		assertThat(count("by-user", "user", "rejected")).isEqualTo(2);
	}

	@Test
	void keepsABucketPerApiKeyClientAndGivesAnOverriddenClientMore() {
		ApiKey.Issued partner = ApiKey.issue("partner-app", List.of(), Instant.now());
		ApiKey.Issued other = ApiKey.issue("other-app", List.of(), Instant.now());
		RateLimitPolicy policy = new RateLimitPolicy(KeyType.API_KEY, null, 1, Duration.ofMinutes(1), 1,
				List.of(new ClientOverride("partner-app", 3, 3)));
		RouteRule rule = route("by-client", "/api/by-client", policy);
		rule = rule
			.withAuth(new AuthPolicy(AuthPolicy.Mode.AUTHENTICATED, List.of(), AuthPolicy.ScopeMatch.ALL, true, false));
		this.routes.apply(ConfigSnapshot.of(++this.version, Instant.now(), "test", List.of(rule),
				List.of(partner.entry(), other.entry()), null));
		for (int i = 0; i < 3; i++) {
			send("/api/by-client", (headers) -> headers.set("X-API-Key", partner.key())).expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("X-RateLimit-Limit", "3");
		}
		send("/api/by-client", (headers) -> headers.set("X-API-Key", partner.key())).expectStatus().isEqualTo(429);
		send("/api/by-client", (headers) -> headers.set("X-API-Key", other.key())).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-RateLimit-Limit", "1");
		send("/api/by-client", (headers) -> headers.set("X-API-Key", other.key())).expectStatus().isEqualTo(429);
	}

	@Test
	void givesAnOverriddenTokenClientMore() {
		RateLimitPolicy policy = new RateLimitPolicy(KeyType.USER, null, 1, Duration.ofMinutes(1), 1,
				List.of(new ClientOverride("partner-app", 2, 2)));
		apply(null, route("by-azp", "/api/by-azp", policy));
		String partner = Tokens.hs256((claims) -> claims.subject("carol").claim("azp", "partner-app"));
		String web = Tokens.hs256((claims) -> claims.subject("dave").claim("azp", "web-app"));
		send("/api/by-azp", (headers) -> headers.setBearerAuth(partner)).expectStatus().isOk();
		send("/api/by-azp", (headers) -> headers.setBearerAuth(partner)).expectStatus().isOk();
		send("/api/by-azp", (headers) -> headers.setBearerAuth(partner)).expectStatus().isEqualTo(429);
		send("/api/by-azp", (headers) -> headers.setBearerAuth(web)).expectStatus().isOk();
		send("/api/by-azp", (headers) -> headers.setBearerAuth(web)).expectStatus().isEqualTo(429);
	}

	@Test
	void limitsRoutesWithoutAPolicyByTheDefaultOne() {
		apply(ipLimit(1, Duration.ofMinutes(1), 1), route("defaulted", "/api/defaulted", null),
				route("own", "/api/own", ipLimit(3, Duration.ofMinutes(1), 3)));
		get("/api/defaulted", "10.0.5.1").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("RateLimit-Policy", "\"defaulted\";q=1;w=60");
		get("/api/defaulted", "10.0.5.1").expectStatus().isEqualTo(429);
		for (int i = 0; i < 3; i++) {
			get("/api/own", "10.0.5.1").expectStatus().isOk();
		}
		get("/api/own", "10.0.5.1").expectStatus().isEqualTo(429);
	}

	@Test
	void appliesTheNewPolicyOfANewSnapshotAndKeepsTheLastGoodOneOverAnInvalidOne() {
		apply(null, route("changing", "/api/changing", ipLimit(1, Duration.ofMinutes(1), 1)));
		get("/api/changing", "10.0.6.1").expectStatus().isOk();
		get("/api/changing", "10.0.6.1").expectStatus().isEqualTo(429);
		apply(null, route("changing", "/api/changing", ipLimit(2, Duration.ofMinutes(1), 3)));
		for (int i = 0; i < 3; i++) {
			get("/api/changing", "10.0.6.1").expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("RateLimit-Policy", "\"changing\";q=3;w=60");
		}
		get("/api/changing", "10.0.6.1").expectStatus().isEqualTo(429);
		RouteRule invalid = route("changing", "/api/changing", ipLimit(5, Duration.ofMinutes(1), 2));
		assertThatExceptionOfType(InvalidSnapshot.class).isThrownBy(() -> apply(null, invalid))
			.satisfies((ex) -> assertThat(ex.errors())
				.anySatisfy((error) -> assertThat(error.field()).isEqualTo("routes[0].rateLimit.burst")));
		get("/api/changing", "10.0.6.1").expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals("RateLimit-Policy", "\"changing\";q=3;w=60");
	}

	private ResponseSpec get(String path, String forwardedFor) {
		return send(path, (headers) -> headers.set("X-Forwarded-For", forwardedFor));
	}

	private ResponseSpec send(String path, Consumer<HttpHeaders> headers) {
		return this.client.get().uri(path).headers(headers).exchange();
	}

	private double count(String route, String keyType, String decision) {
		return this.meters
			.counter(RateLimitGlobalFilter.DECISIONS, "route", route, "key_type", keyType, "decision", decision)
			.count();
	}

	private void apply(@Nullable RateLimitPolicy defaultLimit, RouteRule... rules) {
		this.routes
			.apply(ConfigSnapshot.of(++this.version, Instant.now(), "test", List.of(rules), List.of(), defaultLimit));
	}

	static RateLimitPolicy ipLimit(long permits, Duration period, long burst) {
		return new RateLimitPolicy(KeyType.CLIENT_IP, null, permits, period, burst);
	}

	static RouteRule route(String id, String path, @Nullable RateLimitPolicy limit) {
		return new RouteRule(id, null, RouteMatch.of(path, "GET"), 0, AuthPolicy.publicAccess(), limit, null, null,
				Target.of(runtime.uri(), "echo"), null);
	}

}
