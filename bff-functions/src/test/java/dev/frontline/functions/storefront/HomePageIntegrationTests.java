package dev.frontline.functions.storefront;

import java.time.Duration;

import dev.frontline.functions.testkit.FunctionAnswer;
import dev.frontline.functions.testkit.FunctionTest;
import dev.frontline.functions.testkit.FunctionTestKit;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code homePage} and the views that shape it, with stubbed backends: the profile is
 * required, recommendations and the cart are optional.
 */
@FunctionTest
class HomePageIntegrationTests {

	@Autowired
	private FunctionTestKit kit;

	@Test
	void gathersTheWholePage() {
		StorefrontStubs.alice(this.kit);
		FunctionAnswer answer = this.kit.call("homePage").as("alice").send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.isPartial()).isFalse();
		assertThat(answer.missing()).isEmpty();
		HomePage page = answer.as(HomePage.class);
		assertThat(page.profile().name()).isEqualTo("Alice");
		assertThat(page.recommendations().items()).hasSize(4);
		assertThat(page.cart().total()).isEqualTo(64.0);
		assertThat(answer.json().has("missing")).isFalse();
		assertThat(this.kit.backend("catalog").requests()).containsExactly("GET /recommendations?user=alice");
	}

	@Test
	void answersWithoutTheCartWhenTheCartBackendFails() {
		StorefrontStubs.alice(this.kit);
		this.kit.backend("cart").get("/carts/alice").fail(503);
		FunctionAnswer answer = this.kit.call("homePage").as("alice").send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.isPartial()).isTrue();
		assertThat(answer.missing()).containsExactly("cart");
		assertThat(answer.json().at("/cart/items").size()).isZero();
		assertThat(answer.json().at("/profile/name").asString()).isEqualTo("Alice");
	}

	@Test
	void answersWithoutRecommendationsSlowerThanTheOptionalPartTimeout() {
		StorefrontStubs.alice(this.kit);
		this.kit.backend("catalog")
			.get("/recommendations")
			.respond(200, StorefrontStubs.RECOMMENDATIONS)
			.delay(Duration.ofSeconds(3));
		long started = System.nanoTime();
		FunctionAnswer answer = this.kit.call("homePage").as("alice").send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.missing()).containsExactly("recommendations");
		assertThat(answer.isPartial()).isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
	}

	@Test
	void namesEveryMissingPart() {
		StorefrontStubs.alice(this.kit);
		this.kit.backend("catalog").get("/recommendations").fail(500);
		this.kit.backend("cart").down();
		FunctionAnswer answer = this.kit.call("homePage").as("alice").send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.missing()).containsExactly("recommendations", "cart");
	}

	@Test
	void failsWhenTheRequiredProfileFails() {
		StorefrontStubs.alice(this.kit);
		this.kit.backend("profile").get("/users/alice").fail(500);
		FunctionAnswer answer = this.kit.call("homePage").as("alice").send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(502);
		assertThat(answer.problemType()).isEqualTo("urn:frontline:problem:backend-unavailable");
		assertThat(answer.isPartial()).isFalse();
		assertThat(answer.json().at("/detail").asString())
			.isEqualTo("The profile backend answered 500 Internal Server Error");
	}

	@Test
	void answersNotFoundForAUserTheProfileBackendDoesNotKnow() {
		FunctionAnswer answer = this.kit.call("homePage").as("nobody").send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
		assertThat(answer.problemType()).isEqualTo("urn:frontline:problem:user-not-found");
	}

	@Test
	void carriesTheMissingPartsIntoTheMobileView() {
		StorefrontStubs.alice(this.kit);
		this.kit.backend("cart").get("/carts/alice").fail(503);
		FunctionAnswer answer = this.kit.call("homePage,mobileView").as("alice").send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.isPartial()).isTrue();
		MobileHome home = answer.as(MobileHome.class);
		assertThat(home.greeting()).isEqualTo("Hi Alice");
		assertThat(home.cartCount()).isZero();
		assertThat(home.picks()).hasSize(3);
		assertThat(home.missing()).containsExactly("cart");
	}

	@Test
	void shapesTheWholePageForTheMobileApp() {
		StorefrontStubs.alice(this.kit);
		FunctionAnswer answer = this.kit.call("homePage,mobileView").as("alice").send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.isPartial()).isFalse();
		assertThat(answer.json().get("cartCount").asInt()).isEqualTo(3);
		assertThat(answer.json().has("missing")).isFalse();
	}

	@Test
	void carriesTheMissingPartsIntoTheWebView() {
		StorefrontStubs.alice(this.kit);
		this.kit.backend("catalog").get("/recommendations").fail(503);
		FunctionAnswer answer = this.kit.call("homePage,webView").as("alice").send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.isPartial()).isTrue();
		WebHome home = answer.as(WebHome.class);
		assertThat(home.recommendations()).isEmpty();
		assertThat(home.cart().items()).hasSize(2);
		assertThat(home.missing()).containsExactly("recommendations");
	}

	@Test
	void shapesAPartialPageSentByTheClient() {
		String page = """
				{"profile":%s,"recommendations":{"items":[]},
				 "cart":{"user":"alice","items":[],"total":0},"missing":["recommendations","cart"]}"""
			.formatted(StorefrontStubs.ALICE);
		FunctionAnswer answer = this.kit.call("mobileView").as("alice").send(page);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.missing()).containsExactly("recommendations", "cart");
		assertThat(answer.isPartial()).isFalse();
	}

	@Test
	void refusesAnAnonymousCaller() {
		FunctionAnswer answer = this.kit.call("homePage").anonymous().send();
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.problemType()).isEqualTo("urn:frontline:problem:authentication-required");
		assertThat(this.kit.backend("profile").calls()).isZero();
	}

	@Test
	void cannotBeMarkedPartialByTheClient() {
		StorefrontStubs.alice(this.kit);
		FunctionAnswer answer = this.kit.call("homePage")
			.as("alice")
			.header(FunctionAnswer.PARTIAL_HEADER, "true")
			.send();
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.isPartial()).isFalse();
	}

}
