package dev.frontline.gateway.canary;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.CanaryTarget;
import dev.frontline.contract.CanaryTarget.StickyKey;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.contract.Variant;
import dev.frontline.gateway.testing.AbstractGatewayIntegrationTests;
import dev.frontline.gateway.testing.FunctionRuntimeStub;
import dev.frontline.gateway.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway on a port, with routes whose stable and canary targets are two stub
 * function runtimes that name themselves, behind a trusted proxy (the tests connect from
 * 127.0.0.1) so that each caller can have its own address.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
		"frontline.gateway.id=canary-test", "frontline.gateway.rate-limit.trusted-proxies=127.0.0.1" })
class CanaryIntegrationTests extends AbstractGatewayIntegrationTests {

	private static final String VARIANT = "X-Frontline-Variant";

	@AutoClose
	static FunctionRuntimeStub stable = FunctionRuntimeStub.start("stable");

	@AutoClose
	static FunctionRuntimeStub canary = FunctionRuntimeStub.start("canary");

	@Autowired
	MeterRegistry meters;

	long version;

	@Test
	void splitsDistinctUsersByTheWeightAndNamesTheSideThatAnswered() {
		apply(route("home", "/api/home", canary(30, StickyKey.USER, false, true)));
		Map<String, String> sides = new HashMap<>();
		for (int i = 0; i < 200; i++) {
			String user = "user-" + i;
			HttpHeaders answer = get("/api/home", signedIn(user));
			assertThat(answer.getFirst(VARIANT)).isEqualTo(answer.getFirst("X-Stub"));
			sides.put(user, answer.getFirst(VARIANT));
		}
		long onCanary = sides.values().stream().filter("canary"::equals).count();
		assertThat(onCanary).isBetween(40L, 80L);
		sides.entrySet()
			.stream()
			.limit(20)
			.forEach((side) -> assertThat(get("/api/home", signedIn(side.getKey())).getFirst("X-Stub"))
				.isEqualTo(side.getValue()));
	}

	@Test
	void forwardsToTheFunctionDefinitionOfTheCanary() {
		CanaryTarget newHome = new CanaryTarget(Target.of(canary.uri(), "homePage|mobileView"), 100, StickyKey.USER,
				false, true);
		apply(route("home", "/api/home", newHome));
		HttpHeaders answer = get("/api/home", (headers) -> {
		});
		assertThat(answer.getFirst("X-Stub")).isEqualTo("canary");
		assertThat(answer.getFirst("X-Stub-Path")).isEqualTo("/homePage,mobileView");
		assertThat(answer.getFirst("X-Stub-Route")).isEqualTo("home");
	}

	@Test
	void doesNotNameTheSideWhenTheRouteTurnsTheHeaderOff() {
		apply(route("quiet", "/api/quiet", canary(50, StickyKey.USER, false, false)));
		Set<String> servedBy = new HashSet<>();
		for (int i = 0; i < 40; i++) {
			HttpHeaders answer = get("/api/quiet", signedIn("user-" + i));
			assertThat(answer.containsHeader(VARIANT)).isFalse();
			servedBy.add(answer.getFirst("X-Stub"));
		}
		assertThat(servedBy).containsExactlyInAnyOrder("stable", "canary");
	}

	@Test
	void answersRoutesWithoutACanaryFromTheStableTargetWithoutNamingTheSide() {
		apply(new RouteRule("plain", null, RouteMatch.of("/api/plain"), 0, AuthPolicy.publicAccess(), null, null, null,
				Target.of(stable.uri(), "product"), null));
		HttpHeaders answer = get("/api/plain", signedIn("user-1"));
		assertThat(answer.getFirst("X-Stub")).isEqualTo("stable");
		assertThat(answer.containsHeader(VARIANT)).isFalse();
	}

	@Test
	void letsACallerForceASideWithTheOverrideHeaderWhereTheRouteAllowsIt() {
		apply(route("beta", "/api/beta", canary(0, StickyKey.USER, true, true)),
				route("locked", "/api/locked", canary(0, StickyKey.USER, false, true)));
		HttpHeaders always = get("/api/beta", (headers) -> headers.set("X-Frontline-Canary", "always"));
		assertThat(always.getFirst("X-Stub")).isEqualTo("canary");
		assertThat(always.getFirst(VARIANT)).isEqualTo("canary");
		HttpHeaders never = get("/api/beta", (headers) -> headers.set("X-Frontline-Canary", "never"));
		assertThat(never.getFirst("X-Stub")).isEqualTo("stable");
		assertThat(never.getFirst(VARIANT)).isEqualTo("stable");
		HttpHeaders byCookie = get("/api/beta",
				(headers) -> headers.add(HttpHeaders.COOKIE, "X-Frontline-Canary=always"));
		assertThat(byCookie.getFirst("X-Stub")).isEqualTo("canary");
		HttpHeaders refused = get("/api/locked", (headers) -> headers.set("X-Frontline-Canary", "always"));
		assertThat(refused.getFirst("X-Stub")).isEqualTo("stable");
		assertThat(refused.getFirst(VARIANT)).isEqualTo("stable");
	}

	@Test
	void keepsAnAnonymousCallerOnItsSideWithTheCookieItGetsEvenWhenItsAddressChanges() {
		apply(route("anonymous", "/api/anonymous", canary(50, StickyKey.USER, false, true)));
		Set<Variant> seen = EnumSet.noneOf(Variant.class);
		for (int i = 1; i <= 40; i++) {
			String address = "198.51.100." + i;
			EntityExchangeResult<String> first = send("/api/anonymous",
					(headers) -> headers.set("X-Forwarded-For", address));
			ResponseCookie cookie = first.getResponseCookies().getFirst("frontline-canary");
			assertThat(cookie).isNotNull();
			assertThat(cookie.getValue()).doesNotContain(address);
			assertThat(cookie.isHttpOnly()).isTrue();
			assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofDays(30));
			String side = first.getResponseHeaders().getFirst("X-Stub");
			EntityExchangeResult<String> later = send("/api/anonymous", (headers) -> {
				headers.set("X-Forwarded-For", "192.0.2." + address.substring(address.lastIndexOf('.') + 1));
				headers.add(HttpHeaders.COOKIE, "frontline-canary=" + cookie.getValue());
			});
			assertThat(later.getResponseHeaders().getFirst("X-Stub")).isEqualTo(side);
			assertThat(later.getResponseCookies()).isEmpty();
			seen.add(Variant.valueOf(side.toUpperCase(Locale.ROOT)));
		}
		assertThat(seen).containsExactlyInAnyOrder(Variant.STABLE, Variant.CANARY);
	}

	@Test
	void tagsTheRequestMetricsOfTheGatewayWithTheVariant() {
		apply(route("metered", "/api/metered", canary(0, StickyKey.USER, true, true)));
		get("/api/metered", (headers) -> headers.set("X-Frontline-Canary", "always"));
		get("/api/metered", (headers) -> headers.set("X-Frontline-Canary", "never"));
		get("/api/metered", (headers) -> headers.set("X-Frontline-Canary", "never"));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(requests("metered", "canary")).isEqualTo(1);
			assertThat(requests("metered", "stable")).isEqualTo(2);
		});
	}

	private long requests(String routeId, String variant) {
		return this.meters.find("frontline.gateway.requests")
			.tags("route", routeId, "variant", variant)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private HttpHeaders get(String path, Consumer<HttpHeaders> headers) {
		return send(path, headers).getResponseHeaders();
	}

	private EntityExchangeResult<String> send(String path, Consumer<HttpHeaders> headers) {
		return this.client.get()
			.uri(path)
			.headers(headers)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
	}

	private static Consumer<HttpHeaders> signedIn(String user) {
		String token = Tokens.hs256((claims) -> claims.subject(user));
		return (headers) -> headers.setBearerAuth(token);
	}

	private void apply(RouteRule... rules) {
		this.routes.apply(ConfigSnapshot.of(++this.version, Instant.now(), "test", List.of(rules)));
	}

	private static CanaryTarget canary(int weight, StickyKey sticky, boolean overrides, boolean variantHeader) {
		return new CanaryTarget(Target.of(canary.uri(), "product"), weight, sticky, overrides, variantHeader);
	}

	private static RouteRule route(String id, String path, CanaryTarget canary) {
		return new RouteRule(id, null, RouteMatch.of(path), 0, AuthPolicy.publicAccess(), null, null, null,
				Target.of(stable.uri(), "product"), canary);
	}

}
