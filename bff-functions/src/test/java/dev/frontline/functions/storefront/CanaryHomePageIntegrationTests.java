package dev.frontline.functions.storefront;

import dev.frontline.demo.FaultSettings;
import dev.frontline.functions.RunningFunctions;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The canary runtime of a release demo, calling the demo backends: its home page shows a
 * banner, and it fails as a whole while the backends fail the canary's requests.
 */
@TestPropertySource(properties = "frontline.demo.variant=canary")
class CanaryHomePageIntegrationTests extends RunningFunctions {

	private static final String BANNER = "New home page";

	@Test
	void showsTheNewBannerOnTheHomePageAndBothViews() {
		call("homePage", "{}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.banner")
			.isEqualTo(BANNER)
			.jsonPath("$.profile.name")
			.isEqualTo("Alice")
			.jsonPath("$.recommendations.items.length()")
			.isEqualTo(5);
		call("homePage,mobileView", "{}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.banner")
			.isEqualTo(BANNER)
			.jsonPath("$.greeting")
			.isEqualTo("Hi Alice");
		call("homePage,webView", "{}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.banner")
			.isEqualTo(BANNER)
			.jsonPath("$.user.tier")
			.isEqualTo("gold");
	}

	@Test
	void failsAsAWholeWhileTheBackendsFailTheCanary() {
		BACKENDS.all().forEach((backend) -> backend.faults().set(FaultSettings.failingTheCanary()));
		for (String definition : new String[] { "homePage", "homePage,mobileView" }) {
			call(definition, "{}").expectStatus()
				.isEqualTo(502)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader()
				.doesNotExist("X-Frontline-Partial")
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:frontline:problem:backend-unavailable")
				.jsonPath("$.detail")
				.isEqualTo("The profile backend answered 500 Internal Server Error");
		}
	}

	@Test
	void answersAgainOnceTheSwitchIsOff() {
		BACKENDS.all().forEach((backend) -> backend.faults().set(FaultSettings.failingTheCanary()));
		call("homePage,mobileView", "{}").expectStatus().isEqualTo(502);
		BACKENDS.all().forEach((backend) -> backend.faults().reset());
		call("homePage,mobileView", "{}").expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("X-Frontline-Partial")
			.expectBody()
			.jsonPath("$.banner")
			.isEqualTo(BANNER)
			.jsonPath("$.picks.length()")
			.isEqualTo(3);
	}

}
