package dev.frontline.functions.backend;

import java.util.List;

import dev.frontline.demo.FaultSettings;
import dev.frontline.functions.RunningFunctions;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class BackendFailuresIntegrationTests extends RunningFunctions {

	@Test
	void answersGatewayTimeoutWhenABackendIsSlowerThanItsTimeout() {
		BACKENDS.catalog().faults().set(FaultSettings.slow(3000));
		long started = System.nanoTime();
		call("product", "{\"id\":\"p1\"}").expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:backend-timeout")
			.jsonPath("$.detail")
			.isEqualTo("The catalog backend did not answer within 1000 ms");
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2500);
	}

	@Test
	void answersThePageWithoutRecommendationsWhenTheCatalogTimesOut() {
		BACKENDS.catalog().faults().set(FaultSettings.slow(3000));
		call("homePage,mobileView", "{}").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Frontline-Partial", "true")
			.expectBody()
			.jsonPath("$.greeting")
			.isEqualTo("Hi Alice")
			.jsonPath("$.picks.length()")
			.isEqualTo(0)
			.jsonPath("$.missing")
			.isEqualTo(List.of("recommendations"));
	}

	@Test
	void answersThePageWithoutTheCartWhenTheCartBackendFails() {
		BACKENDS.cart().faults().set(FaultSettings.failing(503));
		call("homePage,webView", "{}").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Frontline-Partial", "true")
			.expectBody()
			.jsonPath("$.cart.items.length()")
			.isEqualTo(0)
			.jsonPath("$.missing")
			.isEqualTo(List.of("cart"));
	}

	@Test
	void answersBadGatewayWhenABackendFails() {
		BACKENDS.cart().faults().set(FaultSettings.failing(503));
		call("cart", "{}").expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:backend-unavailable")
			.jsonPath("$.detail")
			.isEqualTo("The cart backend answered 503 Service Unavailable");
	}

	@Test
	void failsThePageWhenTheProfileBackendFails() {
		BACKENDS.profile().faults().set(FaultSettings.failing(500));
		call("homePage,mobileView", "{}").expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.doesNotExist("X-Frontline-Partial")
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The profile backend answered 500 Internal Server Error");
	}

	@Test
	void worksAgainOnceTheBackendRecovers() {
		BACKENDS.profile().faults().set(FaultSettings.failing(500));
		call("profile", "{}").expectStatus().isEqualTo(502);
		BACKENDS.profile().faults().reset();
		call("profile", "{}").expectStatus().isOk();
	}

}
