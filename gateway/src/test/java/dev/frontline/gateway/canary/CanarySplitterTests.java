package dev.frontline.gateway.canary;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.frontline.contract.CanaryTarget;
import dev.frontline.contract.CanaryTarget.StickyKey;
import dev.frontline.contract.Target;
import dev.frontline.contract.Variant;
import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class CanarySplitterTests {

	private static final List<String> USERS = IntStream.range(0, 10_000).mapToObj((i) -> "user-" + i).toList();

	@Test
	void sendsTheWeightsShareOfDistinctUsersToTheCanary() {
		long onCanary = USERS.stream()
			.filter((user) -> CanarySplitter.assign("home", user, 20) == Variant.CANARY)
			.count();
		assertThat(onCanary / (double) USERS.size()).isBetween(0.185, 0.215);
	}

	@Test
	void keepsAUserOnOneSide() {
		for (String user : USERS.subList(0, 200)) {
			Variant first = CanarySplitter.assign("home", user, 50);
			for (int i = 0; i < 100; i++) {
				assertThat(CanarySplitter.assign("home", user, 50)).isEqualTo(first);
			}
		}
	}

	@Test
	void neverMovesAUserBackToStableAsTheWeightGrows() {
		Set<String> atTen = onCanary("home", 10);
		Set<String> atTwenty = onCanary("home", 20);
		Set<String> atFifty = onCanary("home", 50);
		Set<String> atNinety = onCanary("home", 90);
		assertThat(atTen).isNotEmpty();
		assertThat(atTwenty).containsAll(atTen).hasSizeGreaterThan(atTen.size());
		assertThat(atFifty).containsAll(atTwenty).hasSizeGreaterThan(atTwenty.size());
		assertThat(atNinety).containsAll(atFifty).hasSizeGreaterThan(atFifty.size());
	}

	@Test
	void sendsNobodyToTheCanaryAtZeroAndEverybodyAtAHundred() {
		assertThat(onCanary("home", 0)).isEmpty();
		assertThat(onCanary("home", 100)).hasSize(USERS.size());
		assertThat(IntStream.range(0, 1000).mapToObj((i) -> CanarySplitter.draw(0))).containsOnly(Variant.STABLE);
		assertThat(IntStream.range(0, 1000).mapToObj((i) -> CanarySplitter.draw(100))).containsOnly(Variant.CANARY);
	}

	@Test
	void splitsEachRouteOnItsOwn() {
		Set<String> home = onCanary("home", 50);
		Set<String> cart = onCanary("cart", 50);
		Set<String> onBoth = home.stream().filter(cart::contains).collect(Collectors.toSet());
		// Independent halves share about a quarter of the users, not all of them.
		assertThat(onBoth.size() / (double) USERS.size()).isBetween(0.22, 0.28);
	}

	@Test
	void spreadsRequestsByTheWeightOnRoutesWithoutAStickyKey() {
		CanarySplit split = (CanarySplit) new CanarySplitter(CanaryProperties.defaults(), List.of()).split("home",
				new CanaryTarget(Target.of("http://127.0.0.1:8092", "homePage"), 20, StickyKey.NONE, false, true));
		MockServerHttpRequest sameCaller = MockServerHttpRequest.get("/api/home").build();
		long onCanary = IntStream.range(0, 10_000)
			.mapToObj((i) -> split.assign(MockServerWebExchange.from(sameCaller)))
			.filter((assignment) -> assignment.variant() == Variant.CANARY)
			.count();
		assertThat(onCanary / 10_000.0).isBetween(0.17, 0.23);
	}

	@Test
	void hashesWithMurmur3SoThatOthersCanReproduceTheSplit() {
		assertThat(CanarySplitter.murmur3(bytes(""))).isEqualTo(0);
		assertThat(CanarySplitter.murmur3(bytes("hello"))).isEqualTo(0x248bfa47);
		assertThat(CanarySplitter.murmur3(bytes("The quick brown fox jumps over the lazy dog"))).isEqualTo(0x2e4ff723);
		assertThat(CanarySplitter.bucketOf("home", "alice"))
			.isEqualTo((int) (Integer.toUnsignedLong(CanarySplitter.murmur3(bytes("home\nalice"))) % 10_000));
	}

	private static Set<String> onCanary(String routeId, int weight) {
		return USERS.stream()
			.filter((user) -> CanarySplitter.assign(routeId, user, weight) == Variant.CANARY)
			.collect(Collectors.toSet());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
