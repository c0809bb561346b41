package dev.frontline.functions.backend;

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
	void failsTheWholePageWhenOneBackendTimesOut() {
		BACKENDS.catalog().faults().set(FaultSettings.slow(3000));
		call("homePage,mobileView", "{}").expectStatus()
			.isEqualTo(504)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:backend-timeout");
	}

	@Test
	void answersBadGatewayWhenABackendFails() {
		BACKENDS.cart().faults().set(FaultSettings.failing(503));
		call("homePage,webView", "{}").expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:backend-unavailable")
			.jsonPath("$.detail")
			.isEqualTo("The cart backend answered 503 Service Unavailable");
	}

	@Test
	void worksAgainOnceTheBackendRecovers() {
		BACKENDS.profile().faults().set(FaultSettings.failing(500));
		call("profile", "{}").expectStatus().isEqualTo(502);
		BACKENDS.profile().faults().reset();
		call("profile", "{}").expectStatus().isOk();
	}

}
