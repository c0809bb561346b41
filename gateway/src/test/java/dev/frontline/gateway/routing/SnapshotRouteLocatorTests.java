package dev.frontline.gateway.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.CanaryTarget;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RateLimitPolicy;
import dev.frontline.contract.RetryPolicy;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import dev.frontline.gateway.canary.CanaryProperties;
import dev.frontline.gateway.canary.CanarySplitter;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import jakarta.validation.ValidatorFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.event.RefreshRoutesEvent;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SnapshotRouteLocatorTests {

	private static ValidatorFactory validation;

	private final List<Object> events = new ArrayList<>();

	private SnapshotRouteLocator locator;

	@BeforeAll
	static void startValidation() {
		validation = Validation.buildDefaultValidatorFactory();
	}

	@AfterAll
	static void stopValidation() {
		validation.close();
	}

	SnapshotRouteLocatorTests() {
		Validator validator = validation.getValidator();
		this.locator = new SnapshotRouteLocator(validator,
				new RouteCompiler(new RetryGatewayFilterFactory(),
						new CanarySplitter(CanaryProperties.defaults(), List.of()), JsonMapper.builder().build()),
				this.events::add);
	}

	@Test
	void holdsNoRoutesBeforeTheFirstSnapshot() {
		assertThat(routes()).isEmpty();
	}

	@Test
	void ordersRoutesByOrderThenIdBehindTheStatusRouteOfInvocations() {
		this.locator.apply(snapshot(1, rule("beta", "/b", 0), rule("alpha", "/a", 0), rule("first", "/f", -5)));
		assertThat(routes()).extracting(Route::getId)
			.containsExactly(InvocationStatusRoute.ID, "first", "alpha", "beta");
		assertThat(routes()).extracting(Route::getOrder).isSorted();
	}

	@Test
	void holdsNoStatusRouteForASnapshotWithoutRoutes() {
		this.locator.apply(snapshot(1));
		assertThat(routes()).isEmpty();
	}

	@Test
	void announcesEachAppliedSnapshotSoThatTheRouteCacheRefreshes() {
		this.locator.apply(snapshot(1, rule("alpha", "/a", 0)));
		this.locator.apply(snapshot(2, rule("beta", "/b", 0)));
		assertThat(this.events).hasSize(2).allMatch(RefreshRoutesEvent.class::isInstance);
		assertThat(ruleRouteIds()).containsExactly("beta");
	}

	@Test
	void holdsTheRuleOfEachRouteAndTheSnapshotAlongWithTheRoutes() {
		assertThat(this.locator.snapshot()).isNull();
		assertThat(this.locator.rule("alpha")).isNull();
		ConfigSnapshot first = snapshot(1, rule("alpha", "/a", 0));
		this.locator.apply(first);
		assertThat(this.locator.snapshot()).isSameAs(first);
		assertThat(this.locator.rule("alpha")).isEqualTo(first.routes().get(0));
		ConfigSnapshot second = snapshot(2, rule("beta", "/b", 0));
		this.locator.apply(second);
		assertThat(this.locator.snapshot()).isSameAs(second);
		assertThat(this.locator.rule("alpha")).isNull();
		assertThat(this.locator.rule("beta")).isEqualTo(second.routes().get(0));
	}

	@Test
	void keepsTheRulesOfTheCurrentSnapshotWhenANewOneIsInvalid() {
		ConfigSnapshot first = snapshot(1, rule("alpha", "/a", 0));
		this.locator.apply(first);
		assertThatExceptionOfType(InvalidSnapshot.class)
			.isThrownBy(() -> this.locator.apply(snapshot(2, rule("alpha", "no-slash", 0))));
		assertThat(this.locator.snapshot()).isSameAs(first);
		assertThat(this.locator.rule("alpha").match().path()).isEqualTo("/a");
	}

	@Test
	void givesEachRouteItsTimeout() {
		RouteRule rule = rule("slow", "/slow", 0);
		rule = new RouteRule(rule.id(), null, rule.match(), 0, rule.auth(), null, Duration.ofMillis(750), null,
				rule.stable(), null);
		this.locator.apply(snapshot(1, rule));
		Route route = route("slow");
		assertThat(route.getMetadata()).containsEntry(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, 750L)
			.containsEntry(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, 750);
	}

	@Test
	void retriesOnlyRoutesWithARetryPolicy() {
		RouteRule plain = rule("plain", "/plain", 0);
		RouteRule retried = new RouteRule("retried", null, RouteMatch.of("/retried"), 0, AuthPolicy.publicAccess(),
				null, null, new RetryPolicy(2, Duration.ofMillis(10)), plain.stable(), null);
		this.locator.apply(snapshot(1, plain, retried));
		assertThat(route("plain").getFilters()).noneMatch(OrderedGatewayFilter.class::isInstance);
		assertThat(route("retried").getFilters()).anyMatch(OrderedGatewayFilter.class::isInstance);
	}

	@Test
	void compilesRulesWithPoliciesThatLaterFeaturesEnforce() {
		RouteRule rule = new RouteRule("guarded", "auth, limits and canary", RouteMatch.of("/guarded"), 0,
				AuthPolicy.authenticated(),
				new RateLimitPolicy(RateLimitPolicy.KeyType.CLIENT_IP, null, 10, Duration.ofSeconds(1), 20), null, null,
				Target.of("http://127.0.0.1:8090", "product"),
				CanaryTarget.of(Target.of("http://127.0.0.1:8092", "product"), 50));
		this.locator.apply(snapshot(1, rule));
		assertThat(route("guarded").getUri()).hasToString("http://127.0.0.1:8090");
	}

	@Test
	void rejectsASnapshotWhoseHashDoesNotMatchAndKeepsTheCurrentRoutes() {
		this.locator.apply(snapshot(1, rule("alpha", "/a", 0)));
		ConfigSnapshot tampered = new ConfigSnapshot(2, Instant.now(), "test", "sha256:0000",
				List.of(rule("beta", "/b", 0)));
		assertThatExceptionOfType(InvalidSnapshot.class).isThrownBy(() -> this.locator.apply(tampered))
			.satisfies((ex) -> assertThat(ex.errors()).anyMatch((error) -> error.field().equals("hash")))
			.withMessageContaining("snapshot 2");
		assertThat(ruleRouteIds()).containsExactly("alpha");
		assertThat(this.events).hasSize(1);
	}

	@Test
	void rejectsASnapshotWithABadPathAndKeepsTheCurrentRoutes() {
		this.locator.apply(snapshot(1, rule("alpha", "/a", 0)));
		assertThatExceptionOfType(InvalidSnapshot.class)
			.isThrownBy(() -> this.locator.apply(snapshot(2, rule("alpha", "/a", 0), rule("beta", "no-slash", 0))))
			.satisfies(
					(ex) -> assertThat(ex.errors()).anyMatch((error) -> error.field().equals("routes[1].match.path")));
		assertThat(ruleRouteIds()).containsExactly("alpha");
	}

	@Test
	void rejectsASnapshotWithARouteThatDoesNotCompile() {
		this.locator.apply(snapshot(1, rule("alpha", "/a", 0)));
		assertThatExceptionOfType(InvalidSnapshot.class)
			.isThrownBy(() -> this.locator.apply(snapshot(2, rule("twice", "/items/{id}/{id}", 0))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("routes[0]")));
		assertThat(ruleRouteIds()).containsExactly("alpha");
	}

	private List<Route> routes() {
		return this.locator.getRoutes().collectList().block();
	}

	private List<String> ruleRouteIds() {
		return routes().stream().map(Route::getId).filter((id) -> !id.equals(InvocationStatusRoute.ID)).toList();
	}

	private Route route(String id) {
		return routes().stream().filter((route) -> route.getId().equals(id)).findFirst().orElseThrow();
	}

	static RouteRule rule(String id, String path, int order) {
		return new RouteRule(id, null, RouteMatch.of(path), order, AuthPolicy.publicAccess(), null, null, null,
				Target.of("http://127.0.0.1:8090", "product"), null);
	}

	static ConfigSnapshot snapshot(long version, RouteRule... rules) {
		return ConfigSnapshot.of(version, Instant.now(), "test", List.of(rules));
	}

}
