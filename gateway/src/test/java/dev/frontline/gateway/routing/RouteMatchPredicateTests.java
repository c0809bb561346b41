package dev.frontline.gateway.routing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.frontline.contract.HeaderCondition;
import dev.frontline.contract.RouteMatch;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RouteMatchPredicateTests {

	@Test
	void matchesThePathPatternAndExposesItsVariables() {
		RouteMatchPredicate predicate = new RouteMatchPredicate(RouteMatch.of("/api/products/{id}"));
		ServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/products/p1"));
		assertThat(predicate.test(exchange)).isTrue();
		assertThat(ServerWebExchangeUtils.getUriTemplateVariables(exchange)).isEqualTo(Map.of("id", "p1"));
		assertThat(predicate.test(exchange(MockServerHttpRequest.get("/api/products")))).isFalse();
		assertThat(predicate.test(exchange(MockServerHttpRequest.get("/api/products/p1/reviews")))).isFalse();
	}

	@Test
	void matchesEverythingBelowAWildcard() {
		RouteMatchPredicate predicate = new RouteMatchPredicate(RouteMatch.of("/static/**"));
		assertThat(predicate.test(exchange(MockServerHttpRequest.get("/static/css/site.css")))).isTrue();
		assertThat(predicate.test(exchange(MockServerHttpRequest.get("/other")))).isFalse();
	}

	@Test
	void matchesOnlyTheListedMethods() {
		RouteMatchPredicate predicate = new RouteMatchPredicate(RouteMatch.of("/api/cart", "GET", "PUT"));
		assertThat(predicate.test(exchange(MockServerHttpRequest.get("/api/cart")))).isTrue();
		assertThat(predicate.test(exchange(MockServerHttpRequest.put("/api/cart")))).isTrue();
		assertThat(predicate.test(exchange(MockServerHttpRequest.post("/api/cart")))).isFalse();
	}

	@Test
	void matchesAnyMethodWhenNoneIsListed() {
		RouteMatchPredicate predicate = new RouteMatchPredicate(RouteMatch.of("/api/cart"));
		assertThat(predicate.test(exchange(MockServerHttpRequest.delete("/api/cart")))).isTrue();
	}

	@Test
	void matchesExactAndWildcardHosts() {
		RouteMatchPredicate predicate = new RouteMatchPredicate(
				new RouteMatch("/api", Set.of(), List.of("api.example.com", "*.shop.example.com"), List.of()));
		assertThat(predicate.test(exchange(MockServerHttpRequest.get("http://api.example.com/api")))).isTrue();
		assertThat(predicate.test(exchange(MockServerHttpRequest.get("/api").header("Host", "API.example.com:8080"))))
			.isTrue();
		assertThat(predicate.test(exchange(MockServerHttpRequest.get("/api").header("Host", "eu.shop.example.com"))))
			.isTrue();
		assertThat(predicate.test(exchange(MockServerHttpRequest.get("/api").header("Host", "shop.example.com"))))
			.isFalse();
		assertThat(predicate.test(exchange(MockServerHttpRequest.get("/api").header("Host", "www.example.com"))))
			.isFalse();
	}

	@Test
	void matchesAHostWithAPortOnlyOnThatPort() {
		RouteMatchPredicate predicate = new RouteMatchPredicate(
				new RouteMatch("/api", Set.of(), List.of("localhost:8080"), List.of()));
		assertThat(predicate.test(exchange(MockServerHttpRequest.get("/api").header("Host", "localhost:8080"))))
			.isTrue();
		assertThat(predicate.test(exchange(MockServerHttpRequest.get("/api").header("Host", "localhost:9090"))))
			.isFalse();
	}

	@Test
	void requiresPresentHeadersAndWholeRegexMatches() {
		RouteMatchPredicate predicate = new RouteMatchPredicate(new RouteMatch("/api", Set.of(), List.of(),
				List.of(new HeaderCondition("X-Client", null), new HeaderCondition("X-Version", "v[0-9]+"))));
		assertThat(predicate
			.test(exchange(MockServerHttpRequest.get("/api").header("X-Client", "").header("X-Version", "v2"))))
			.isTrue();
		assertThat(predicate.test(exchange(MockServerHttpRequest.get("/api").header("X-Version", "v2")))).isFalse();
		assertThat(predicate
			.test(exchange(MockServerHttpRequest.get("/api").header("X-Client", "ios").header("X-Version", "v2-beta"))))
			.isFalse();
	}

	@Test
	void refusesAPathPatternSpringCannotParse() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RouteMatchPredicate(RouteMatch.of("/api/{id}/{id}")));
	}

	private static ServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
		return MockServerWebExchange.from(request);
	}

}
