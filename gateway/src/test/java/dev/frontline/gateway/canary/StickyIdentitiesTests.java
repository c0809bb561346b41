package dev.frontline.gateway.canary;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;

import dev.frontline.contract.CanaryTarget.StickyKey;
import dev.frontline.gateway.auth.Caller;
import dev.frontline.gateway.canary.StickyIdentities.StickyIdentity;
import dev.frontline.gateway.ratelimit.ClientAddresses;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class StickyIdentitiesTests {

	private static final String ADDRESS = "203.0.113.7";

	private final StickyIdentities identities = new StickyIdentities(new ClientAddresses(List.of("10.0.0.0/8")),
			"frontline-canary");

	@Test
	void knowsAnAuthenticatedUserByTheSubjectBeforeTheCookieAndTheAddress() {
		MockServerWebExchange exchange = exchange(ADDRESS, "c00kie");
		exchange.getAttributes().put(Caller.ATTRIBUTE, new Caller("alice", Set.of(), "web-app", Caller.Method.JWT));
		assertThat(this.identities.of(exchange, StickyKey.USER)).isEqualTo(new StickyIdentity("alice", false));
	}

	@Test
	void knowsAnApiKeyCallerByItsClient() {
		MockServerWebExchange exchange = exchange(ADDRESS, "c00kie");
		exchange.getAttributes()
			.put(Caller.ATTRIBUTE, new Caller("partner-app", Set.of(), "partner-app", Caller.Method.API_KEY));
		assertThat(this.identities.of(exchange, StickyKey.USER).value()).isEqualTo("partner-app");
	}

	@Test
	void knowsAnAnonymousCallerByTheCookieBeforeTheAddress() {
		MockServerWebExchange exchange = exchange(ADDRESS, "c00kie");
		exchange.getAttributes().put(Caller.ATTRIBUTE, Caller.ANONYMOUS);
		assertThat(this.identities.of(exchange, StickyKey.USER)).isEqualTo(new StickyIdentity("c00kie", false));
	}

	@Test
	void knowsACallerWithoutUserOrCookieByADigestOfTheAddress() {
		StickyIdentity identity = this.identities.of(exchange(ADDRESS, null), StickyKey.USER);
		assertThat(identity.derived()).isTrue();
		assertThat(identity.value()).isEqualTo(StickyIdentities.derive(ADDRESS))
			.matches("[A-Za-z0-9_-]{22}")
			.doesNotContain(ADDRESS)
			.doesNotContain("203")
			.doesNotContain("113");
		assertThat(StickyIdentities.derive("203.0.113.8")).isNotEqualTo(identity.value());
	}

	@Test
	void knowsTheClientBehindATrustedProxyByTheForwardedAddress() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/home")
			.remoteAddress(new InetSocketAddress("10.1.2.3", 40000))
			.header("X-Forwarded-For", ADDRESS));
		assertThat(this.identities.of(exchange, StickyKey.USER).value()).isEqualTo(StickyIdentities.derive(ADDRESS));
	}

	@Test
	void ignoresTheUserWhenTheRouteSticksByCookie() {
		MockServerWebExchange exchange = exchange(ADDRESS, "c00kie");
		exchange.getAttributes().put(Caller.ATTRIBUTE, new Caller("alice", Set.of(), null, Caller.Method.JWT));
		assertThat(this.identities.of(exchange, StickyKey.COOKIE)).isEqualTo(new StickyIdentity("c00kie", false));
		MockServerWebExchange withoutCookie = exchange(ADDRESS, null);
		withoutCookie.getAttributes().put(Caller.ATTRIBUTE, new Caller("alice", Set.of(), null, Caller.Method.JWT));
		assertThat(this.identities.of(withoutCookie, StickyKey.COOKIE))
			.isEqualTo(new StickyIdentity(StickyIdentities.derive(ADDRESS), true));
	}

	@Test
	void replacesACookieTheGatewayCannotHaveSet() {
		StickyIdentity identity = this.identities.of(exchange(ADDRESS, "<script>"), StickyKey.COOKIE);
		assertThat(identity).isEqualTo(new StickyIdentity(StickyIdentities.derive(ADDRESS), true));
		assertThat(this.identities.of(exchange(ADDRESS, "x".repeat(65)), StickyKey.COOKIE).derived()).isTrue();
	}

	private static MockServerWebExchange exchange(String address, @Nullable String cookie) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/home")
			.remoteAddress(new InetSocketAddress(address, 40000));
		if (cookie != null) {
			request.cookie(new HttpCookie("frontline-canary", cookie));
		}
		return MockServerWebExchange.from(request);
	}

}
