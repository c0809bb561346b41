package dev.frontline.functions.storefront;

import dev.frontline.demo.FaultSettings;
import dev.frontline.functions.RunningFunctions;
import org.junit.jupiter.api.Test;

/**
 * The stable runtime of a release demo, calling the demo backends: no banner, and
 * untouched by a fault that fails the canary's requests.
 */
class StableHomePageIntegrationTests extends RunningFunctions {

	@Test
	void showsNoBanner() {
		call("homePage", "{}").expectStatus().isOk().expectBody().jsonPath("$.banner").doesNotExist();
		call("homePage,mobileView", "{}").expectStatus().isOk().expectBody().jsonPath("$.banner").doesNotExist();
		call("homePage,webView", "{}").expectStatus().isOk().expectBody().jsonPath("$.banner").doesNotExist();
	}

	@Test
	void keepsAnsweringWholePagesWhileTheBackendsFailTheCanary() {
		BACKENDS.all().forEach((backend) -> backend.faults().set(FaultSettings.failingTheCanary()));
		call("homePage,mobileView", "{}").expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("X-Frontline-Partial")
			.expectBody()
			.jsonPath("$.greeting")
			.isEqualTo("Hi Alice")
			.jsonPath("$.picks.length()")
			.isEqualTo(3)
			.jsonPath("$.banner")
			.doesNotExist();
	}

}
