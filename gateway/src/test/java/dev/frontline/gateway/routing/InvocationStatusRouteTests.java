package dev.frontline.gateway.routing;

import java.util.Map;

import dev.frontline.contract.Target;
import dev.frontline.gateway.routing.InvocationStatusRoute.StandIn;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class InvocationStatusRouteTests {

	private static final String ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

	private final InvocationStatusPredicate predicate = new InvocationStatusPredicate(Map.of("report",
			new StandIn(Route.async().id("report").uri("http://127.0.0.1:8090").predicate((exchange) -> false).build(),
					new TargetUris(Target.of("http://127.0.0.1:8090", "report")))));

	@Test
	void pointsTheLocationOfAnInvocationAtTheStatusResourceOfTheRoute() {
		assertThat(rewritten("/async/invocations/" + ID)).isEqualTo("/invocations/report/" + ID);
		assertThat(rewritten("http://10.0.0.7:8090/async/invocations/" + ID)).isEqualTo("/invocations/report/" + ID);
		assertThat(rewritten("https://functions.internal/runtime/async/invocations/" + ID))
			.isEqualTo("/invocations/report/" + ID);
	}

	@Test
	void leavesAnyOtherLocationAsItIs() {
		assertThat(rewritten("/invocations/report/" + ID)).isEqualTo("/invocations/report/" + ID);
		assertThat(rewritten("/async/invocations/42")).isEqualTo("/async/invocations/42");
		assertThat(rewritten("/async/invocations/" + ID + "/result")).isEqualTo("/async/invocations/" + ID + "/result");
		assertThat(rewritten("https://example.com/elsewhere")).isEqualTo("https://example.com/elsewhere");
		HttpHeaders none = new HttpHeaders();
		InvocationStatusRoute.pointLocationAtGateway(none, "report");
		assertThat(none.containsHeader(HttpHeaders.LOCATION)).isFalse();
	}

	@Test
	void matchesGetAndDeleteOfAnyRouteAndIdUnderInvocations() {
		assertThat(matches(MockServerHttpRequest.get("/invocations/report/" + ID))).isTrue();
		assertThat(matches(MockServerHttpRequest.delete("/invocations/report/" + ID))).isTrue();
		assertThat(matches(MockServerHttpRequest.get("/invocations/unknown/not-an-id"))).isTrue();
	}

	@Test
	void leavesOtherMethodsAndPathsToTheRoutesOfRules() {
		assertThat(matches(MockServerHttpRequest.post("/invocations/report/" + ID))).isFalse();
		assertThat(matches(MockServerHttpRequest.get("/invocations/report"))).isFalse();
		assertThat(matches(MockServerHttpRequest.get("/invocations/report/"))).isFalse();
		assertThat(matches(MockServerHttpRequest.get("/invocations//" + ID))).isFalse();
		assertThat(matches(MockServerHttpRequest.get("/invocations/report/" + ID + "/result"))).isFalse();
		assertThat(matches(MockServerHttpRequest.get("/api/invocations/report/" + ID))).isFalse();
	}

	@Test
	void tellsWhichRouteARequestAsksAbout() {
		MockServerWebExchange known = MockServerWebExchange
			.from(MockServerHttpRequest.get("/invocations/report/" + ID));
		assertThat(this.predicate.test(known)).isTrue();
		assertThat(InvocationStatusRequests.matched(known)).isTrue();
		assertThat(InvocationStatusRequests.routeId(known)).isEqualTo("report");
		MockServerWebExchange other = MockServerWebExchange.from(MockServerHttpRequest.get("/api/report"));
		assertThat(this.predicate.test(other)).isFalse();
		assertThat(InvocationStatusRequests.matched(other)).isFalse();
		assertThat(InvocationStatusRequests.routeId(other)).isNull();
	}

	private boolean matches(MockServerHttpRequest.BaseBuilder<?> request) {
		return this.predicate.test(MockServerWebExchange.from(request));
	}

	private static String rewritten(String location) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.LOCATION, location);
		InvocationStatusRoute.pointLocationAtGateway(headers, "report");
		return headers.getFirst(HttpHeaders.LOCATION);
	}

}
