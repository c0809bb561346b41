package dev.frontline.functions.storefront;

import dev.frontline.functions.testkit.FunctionAnswer;
import dev.frontline.functions.testkit.FunctionTest;
import dev.frontline.functions.testkit.FunctionTestKit;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A canary runtime started with {@code frontline.demo.fail=true}: its home page fails on
 * purpose, before any backend is asked, and the other functions keep working.
 */
@FunctionTest(properties = { "frontline.demo.variant=canary", "frontline.demo.fail=true" })
class DemoFailureIntegrationTests {

	@Autowired
	private FunctionTestKit kit;

	@Test
	void failsTheHomePageWithServiceUnavailable() {
		StorefrontStubs.alice(this.kit);
		for (String definition : new String[] { "homePage", "homePage,mobileView", "homePage,webView" }) {
			FunctionAnswer answer = this.kit.call(definition).as("alice").send();
			assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
			assertThat(answer.problemType()).isEqualTo("urn:frontline:problem:demo-failure");
			assertThat(answer.isPartial()).isFalse();
		}
		assertThat(this.kit.backend("profile").calls()).isZero();
		assertThat(this.kit.backend("catalog").calls()).isZero();
		assertThat(this.kit.backend("cart").calls()).isZero();
	}

	@Test
	void keepsAnsweringTheOtherFunctions() {
		StorefrontStubs.alice(this.kit);
		FunctionAnswer answer = this.kit.call("profile").as("alice").send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.as(Profile.class)).isEqualTo(new Profile("alice", "Alice", "gold"));
	}

}
