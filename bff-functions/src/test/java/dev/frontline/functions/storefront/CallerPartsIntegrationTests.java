package dev.frontline.functions.storefront;

import dev.frontline.functions.testkit.FunctionAnswer;
import dev.frontline.functions.testkit.FunctionTest;
import dev.frontline.functions.testkit.FunctionTestKit;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code profile}, {@code recommendations} and {@code cart}: each answers about the
 * caller the passport names, from one stubbed backend.
 */
@FunctionTest
class CallerPartsIntegrationTests {

	@Autowired
	private FunctionTestKit kit;

	@Test
	void answersTheCallersProfile() {
		StorefrontStubs.alice(this.kit);
		FunctionAnswer answer = this.kit.call("profile").as("alice").send("{\"user\":\"bob\"}");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.as(Profile.class)).isEqualTo(new Profile("alice", "Alice", "gold"));
		assertThat(this.kit.backend("profile").requests()).containsExactly("GET /users/alice");
	}

	@Test
	void answersTheCallersRecommendations() {
		StorefrontStubs.alice(this.kit);
		FunctionAnswer answer = this.kit.call("recommendations").as("alice").send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.as(Recommendations.class).items()).extracting(Product::id)
			.containsExactly("p1", "p2", "p3", "p4");
	}

	@Test
	void answersTheCallersCart() {
		StorefrontStubs.alice(this.kit);
		FunctionAnswer answer = this.kit.call("cart").as("alice").send();
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.as(Cart.class).items()).extracting(CartItem::quantity).containsExactly(2, 1);
	}

	@Test
	void answersBadGatewayWhenTheCartBackendFails() {
		this.kit.backend("cart").get("/carts/alice").fail(500);
		FunctionAnswer answer = this.kit.call("cart").as("alice").send();
		assertThat(answer.status()).isEqualTo(502);
		assertThat(answer.problemType()).isEqualTo("urn:frontline:problem:backend-unavailable");
	}

	@Test
	void refusesAnAnonymousCaller() {
		for (String function : new String[] { "profile", "recommendations", "cart" }) {
			assertThat(this.kit.call(function).anonymous().send().status()).as(function).isEqualTo(401);
		}
	}

}
