package dev.frontline.functions.storefront;

import java.util.List;

import dev.frontline.demo.FaultSettings;
import dev.frontline.functions.RunningFunctions;
import dev.frontline.functions.identity.Passports;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class StorefrontFunctionsIntegrationTests extends RunningFunctions {

	// The caller is alice, as the passport says; the input holds nothing.
	private static final String ALICE = "{}";

	@Test
	void answersAProfile() {
		call("profile", ALICE).expectStatus()
			.isOk()
			.expectBody()
			.json("{\"id\":\"alice\",\"name\":\"Alice\",\"tier\":\"gold\"}");
	}

	@Test
	void answersFiveRecommendations() {
		call("recommendations", ALICE).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(5)
			.jsonPath("$.items[0].id")
			.exists()
			.jsonPath("$.items[0].price")
			.isNumber();
	}

	@Test
	void answersACart() {
		call("cart", ALICE).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.user")
			.isEqualTo("alice")
			.jsonPath("$.items[0].productId")
			.exists()
			.jsonPath("$.total")
			.isNumber();
	}

	@Test
	void answersAProduct() {
		call("product", "{\"id\":\"p2\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("p2")
			.jsonPath("$.name")
			.isEqualTo("Ceramic Mug")
			.jsonPath("$.price")
			.isEqualTo(12.5);
	}

	@Test
	void answersNotFoundForAnUnknownProduct() {
		call("product", "{\"id\":\"p99\"}").expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:product-not-found")
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.detail")
			.isEqualTo("No product 'p99'");
	}

	@Test
	void answersNotFoundForAnUnknownUser() {
		call("homePage", "{}", Passports.DEV.user("missing").sign()).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:user-not-found");
	}

	@Test
	void gathersTheHomePageFromTheThreeBackends() {
		call("homePage", ALICE).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.profile.name")
			.isEqualTo("Alice")
			.jsonPath("$.recommendations.items.length()")
			.isEqualTo(5)
			.jsonPath("$.cart.user")
			.isEqualTo("alice");
	}

	@Test
	void asksTheBackendsInParallel() {
		// Each backend takes 400 ms more; one after the other they would take 1.2 s.
		BACKENDS.all().forEach((backend) -> backend.faults().set(FaultSettings.slow(400)));
		long started = System.nanoTime();
		call("homePage", ALICE).expectStatus().isOk();
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1000);
	}

	@Test
	void shapesTheHomePageForMobile() {
		call("homePage,mobileView", ALICE).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.view")
			.isEqualTo("mobile")
			.jsonPath("$.greeting")
			.isEqualTo("Hi Alice")
			.jsonPath("$.cartCount")
			.isEqualTo(5)
			.jsonPath("$.picks.length()")
			.isEqualTo(3)
			.jsonPath("$.picks[0].id")
			.exists()
			.jsonPath("$.picks[0].description")
			.doesNotExist();
	}

	@Test
	void shapesTheHomePageForTheWeb() {
		call("homePage,webView", ALICE).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.view")
			.isEqualTo("web")
			.jsonPath("$.user.tier")
			.isEqualTo("gold")
			.jsonPath("$.recommendations.length()")
			.isEqualTo(5)
			.jsonPath("$.cart.total")
			.isNumber()
			.jsonPath("$.cart.items")
			.isArray();
	}

	@Test
	void composesWithAnEncodedPipeToo() {
		call("homePage%7CmobileView", ALICE).expectStatus().isOk().expectBody().jsonPath("$.view").isEqualTo("mobile");
	}

	@Test
	void answersAboutThePassportsSubjectWhateverUserTheBodyNames() {
		call("homePage", "{\"user\":\"alice\"}", Passports.DEV.user("bob").sign()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.profile.id")
			.isEqualTo("bob")
			.jsonPath("$.profile.name")
			.isEqualTo("Bob")
			.jsonPath("$.cart.user")
			.isEqualTo("bob");
		call("profile", "{\"user\":\"alice\"}", Passports.DEV.user("bob").sign()).expectBody()
			.jsonPath("$.id")
			.isEqualTo("bob");
		call("cart", "{\"user\":\"alice\"}", Passports.DEV.user("bob").sign()).expectBody()
			.jsonPath("$.user")
			.isEqualTo("bob");
	}

	@Test
	void recommendsForThePassportsSubject() {
		byte[] forAlice = call("recommendations", "{}", Passports.DEV.user("alice").sign()).expectBody()
			.returnResult()
			.getResponseBody();
		byte[] forBobNamingAlice = call("recommendations", "{\"user\":\"alice\"}", Passports.DEV.user("bob").sign())
			.expectBody()
			.returnResult()
			.getResponseBody();
		byte[] forBob = call("recommendations", "{}", Passports.DEV.user("bob").sign()).expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(forBobNamingAlice).isEqualTo(forBob).isNotEqualTo(forAlice);
	}

	@Test
	void refusesAnAnonymousCallerWhereTheAnswerIsAboutTheUser() {
		for (String definition : List.of("homePage", "homePage,mobileView", "profile", "recommendations", "cart")) {
			call(definition, "{\"user\":\"alice\"}", Passports.DEV.anonymous().sign()).expectStatus()
				.isUnauthorized()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader()
				.valueEquals("WWW-Authenticate", "Bearer realm=\"frontline\"")
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:frontline:problem:authentication-required")
				.jsonPath("$.status")
				.isEqualTo(401);
		}
	}

	@Test
	void answersAProductToAnAnonymousCaller() {
		call("product", "{\"id\":\"p2\"}", Passports.DEV.anonymous().sign()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("p2");
	}

	@Test
	void ignoresFieldsItDoesNotNeed() {
		call("homePage,mobileView", "{\"user\":\"alice\",\"utm\":[\"a\",\"b\"],\"page\":\"2\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.greeting")
			.isEqualTo("Hi Alice");
	}

}
