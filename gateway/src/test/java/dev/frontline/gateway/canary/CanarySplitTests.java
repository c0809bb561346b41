package dev.frontline.gateway.canary;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.frontline.contract.CanaryTarget;
import dev.frontline.contract.CanaryTarget.StickyKey;
import dev.frontline.contract.Target;
import dev.frontline.contract.Variant;
import dev.frontline.gateway.auth.Caller;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class CanarySplitTests {

	private static final Target CANARY = Target.of("http://127.0.0.1:8092", "homePage");

	private final CanarySplitter splitter = new CanarySplitter(CanaryProperties.defaults(), List.of());

	@Test
	void putsTheSideOfTheUserInTheExchangeAndNamesItInTheAnswer() {
		CanarySplit split = split(50, StickyKey.USER, false, true);
		for (String user : List.of("alice", "bob", "carol", "dave", "erin", "frank")) {
			MockServerWebExchange exchange = send(split, signedIn(user, request("203.0.113.7")));
			Variant expected = CanarySplitter.assign("home", user, 50);
			assertThat(CanaryAttributes.variant(exchange)).isEqualTo(expected);
			assertThat(exchange.getResponse().getHeaders().getFirst("X-Frontline-Variant")).isEqualTo(expected.label());
			assertThat(exchange.getResponse().getCookies()).isEmpty();
		}
	}

	@Test
	void doesNotNameTheSideWhenTheRouteTurnsTheHeaderOff() {
		MockServerWebExchange exchange = send(split(100, StickyKey.USER, false, false), request("203.0.113.7"));
		assertThat(CanaryAttributes.variant(exchange)).isEqualTo(Variant.CANARY);
		assertThat(exchange.getResponse().getHeaders().containsHeader("X-Frontline-Variant")).isFalse();
	}

	@Test
	void givesACallerKnownByAddressTheStickyCookie() {
		MockServerWebExchange exchange = send(split(50, StickyKey.USER, false, true), request("203.0.113.7"));
		ResponseCookie cookie = exchange.getResponse().getCookies().getFirst("frontline-canary");
		assertThat(cookie).isNotNull();
		assertThat(cookie.getValue()).matches("[A-Za-z0-9_-]{22}").doesNotContain("203.0.113.7");
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofDays(30));
		assertThat(exchange.getResponse().getHeaders().get("Set-Cookie")).singleElement()
			.asString()
			.startsWith("frontline-canary=" + cookie.getValue() + ";")
			.contains("Max-Age=2592000", "Path=/", "HttpOnly", "SameSite=Lax");
	}

	@Test
	void keepsACallerOnTheSideOfItsFirstRequestByTheCookieWhenItsAddressChanges() {
		CanarySplit split = split(50, StickyKey.USER, false, true);
		Set<Variant> seen = EnumSet.noneOf(Variant.class);
		for (int i = 1; i <= 200; i++) {
			MockServerWebExchange first = send(split, request("198.51.100." + i));
			Variant side = CanaryAttributes.variant(first);
			String cookie = first.getResponse().getCookies().getFirst("frontline-canary").getValue();
			MockServerWebExchange later = send(split,
					request("192.0.2." + i).cookie(new HttpCookie("frontline-canary", cookie)));
			assertThat(CanaryAttributes.variant(later)).isEqualTo(side);
			assertThat(later.getResponse().getCookies()).isEmpty();
			seen.add(side);
		}
		assertThat(seen).containsExactlyInAnyOrder(Variant.STABLE, Variant.CANARY);
	}

	@Test
	void setsNoCookieAtZeroOrAHundredPercent() {
		assertThat(send(split(0, StickyKey.USER, false, true), request("203.0.113.7")).getResponse().getCookies())
			.isEmpty();
		assertThat(send(split(100, StickyKey.COOKIE, false, true), request("203.0.113.7")).getResponse().getCookies())
			.isEmpty();
	}

	@Test
	void honoursTheOverrideHeaderOnRoutesThatAllowOverrides() {
		CanarySplit split = split(50, StickyKey.USER, true, true);
		String onStable = userOn(Variant.STABLE);
		String onCanary = userOn(Variant.CANARY);
		assertThat(sideOf(split, signedIn(onStable, request("203.0.113.7").header("X-Frontline-Canary", "always"))))
			.isEqualTo(Variant.CANARY);
		assertThat(sideOf(split, signedIn(onCanary, request("203.0.113.7").header("X-Frontline-Canary", "never"))))
			.isEqualTo(Variant.STABLE);
		assertThat(sideOf(split(0, StickyKey.USER, true, true),
				request("203.0.113.7").header("X-Frontline-Canary", "always")))
			.isEqualTo(Variant.CANARY);
	}

	@Test
	void honoursTheOverrideCookieOnRoutesThatAllowOverrides() {
		CanarySplit split = split(50, StickyKey.USER, true, true);
		assertThat(sideOf(split,
				signedIn(userOn(Variant.STABLE),
						request("203.0.113.7").cookie(new HttpCookie("X-Frontline-Canary", "always")))))
			.isEqualTo(Variant.CANARY);
		assertThat(sideOf(split,
				signedIn(userOn(Variant.CANARY),
						request("203.0.113.7").cookie(new HttpCookie("X-Frontline-Canary", "never")))))
			.isEqualTo(Variant.STABLE);
	}

	@Test
	void prefersTheOverrideHeaderToTheOverrideCookie() {
		CanarySplit split = split(50, StickyKey.USER, true, true);
		assertThat(sideOf(split, request("203.0.113.7").header("X-Frontline-Canary", "never")
			.cookie(new HttpCookie("X-Frontline-Canary", "always")))).isEqualTo(Variant.STABLE);
		assertThat(sideOf(split, request("203.0.113.7").header("X-Frontline-Canary", "always")
			.cookie(new HttpCookie("X-Frontline-Canary", "never")))).isEqualTo(Variant.CANARY);
	}

	@Test
	void ignoresOverridesOnRoutesThatDoNotAllowThem() {
		CanarySplit split = split(50, StickyKey.USER, false, true);
		String onStable = userOn(Variant.STABLE);
		String onCanary = userOn(Variant.CANARY);
		assertThat(sideOf(split, signedIn(onStable, request("203.0.113.7").header("X-Frontline-Canary", "always"))))
			.isEqualTo(Variant.STABLE);
		assertThat(sideOf(split,
				signedIn(onCanary, request("203.0.113.7").cookie(new HttpCookie("X-Frontline-Canary", "never")))))
			.isEqualTo(Variant.CANARY);
	}

	@Test
	void ignoresOverridesOtherThanAlwaysAndNever() {
		CanarySplit split = split(50, StickyKey.USER, true, true);
		String onStable = userOn(Variant.STABLE);
		assertThat(sideOf(split, signedIn(onStable, request("203.0.113.7").header("X-Frontline-Canary", "yes"))))
			.isEqualTo(Variant.STABLE);
		assertThat(
				sideOf(split,
						signedIn(onStable,
								request("203.0.113.7").header("X-Frontline-Canary", "canary")
									.cookie(new HttpCookie("X-Frontline-Canary", "always")))))
			.isEqualTo(Variant.CANARY);
	}

	@Test
	void readsOverridesAndStickyCookieUnderTheConfiguredNames() {
		CanarySplitter renamed = new CanarySplitter(
				new CanaryProperties("X-Force-Side", "force-side", "side", "X-Side"), List.of());
		CanarySplit split = (CanarySplit) renamed.split("home",
				new CanaryTarget(CANARY, 50, StickyKey.USER, true, true));
		MockServerWebExchange forced = send(split, request("203.0.113.7").header("X-Force-Side", "always"));
		assertThat(forced.getResponse().getHeaders().getFirst("X-Side")).isEqualTo("canary");
		assertThat(sideOf(split, request("203.0.113.7").cookie(new HttpCookie("force-side", "always"))))
			.isEqualTo(Variant.CANARY);
		MockServerWebExchange sticky = send(split, request("203.0.113.7"));
		assertThat(sticky.getResponse().getCookies()).containsOnlyKeys("side");
	}

	private CanarySplit split(int weight, StickyKey sticky, boolean overrides, boolean variantHeader) {
		return (CanarySplit) this.splitter.split("home",
				new CanaryTarget(CANARY, weight, sticky, overrides, variantHeader));
	}

	private static String userOn(Variant variant) {
		for (int i = 0;; i++) {
			if (CanarySplitter.assign("home", "user-" + i, 50) == variant) {
				return "user-" + i;
			}
		}
	}

	private static MockServerHttpRequest.BaseBuilder<?> request(String address) {
		return MockServerHttpRequest.get("/api/home").remoteAddress(new InetSocketAddress(address, 40000));
	}

	private static MockServerWebExchange signedIn(String user, MockServerHttpRequest.BaseBuilder<?> request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		exchange.getAttributes().put(Caller.ATTRIBUTE, new Caller(user, Set.of(), null, Caller.Method.JWT));
		return exchange;
	}

	private static Variant sideOf(CanarySplit split, MockServerHttpRequest.BaseBuilder<?> request) {
		return sideOf(split, MockServerWebExchange.from(request));
	}

	private static Variant sideOf(CanarySplit split, MockServerWebExchange exchange) {
		return CanaryAttributes.variant(send(split, exchange));
	}

	private static MockServerWebExchange send(CanarySplit split, MockServerHttpRequest.BaseBuilder<?> request) {
		return send(split, MockServerWebExchange.from(request));
	}

	/**
	 * Passes the request through the split to a target that answers at once.
	 */
	private static MockServerWebExchange send(CanarySplit split, MockServerWebExchange exchange) {
		split.filter(exchange, (forwarded) -> forwarded.getResponse().setComplete()).block();
		return exchange;
	}

}
