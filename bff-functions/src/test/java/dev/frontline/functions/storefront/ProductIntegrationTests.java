package dev.frontline.functions.storefront;

import dev.frontline.functions.testkit.FunctionAnswer;
import dev.frontline.functions.testkit.FunctionTest;
import dev.frontline.functions.testkit.FunctionTestKit;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code product}, with a stubbed catalog.
 */
@FunctionTest
class ProductIntegrationTests {

	@Autowired
	private FunctionTestKit kit;

	@Test
	void answersAProductToAnyone() {
		this.kit.backend("catalog").get("/products/p2").respond(200, StorefrontStubs.MUG);
		FunctionAnswer answer = this.kit.call("product").anonymous().send(new ProductQuery("p2"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.as(Product.class)).isEqualTo(new Product("p2", "Ceramic Mug", 12.5, "Large"));
		assertThat(answer.isPartial()).isFalse();
	}

	@Test
	void answersNotFoundWhenTheCatalogHasNoSuchProduct() {
		this.kit.backend("catalog").get("/products/p99").respond(404);
		FunctionAnswer answer = this.kit.call("product").send("{\"id\":\"p99\"}");
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.problemType()).isEqualTo("urn:frontline:problem:product-not-found");
		assertThat(answer.json().get("detail").asString()).isEqualTo("No product 'p99'");
	}

	@Test
	void refusesMalformedJsonWithoutCallingTheCatalog() {
		FunctionAnswer answer = this.kit.call("product").send("{\"id\":");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.problemType()).isEqualTo("urn:frontline:problem:malformed-request");
		assertThat(answer.json().get("detail").asString())
			.isEqualTo("The request body is not valid JSON: it ends before the JSON does");
		assertThat(answer.body()).doesNotContain("Exception", "at dev.");
		assertThat(this.kit.backend("catalog").calls()).isZero();
	}

	@Test
	void refusesAQueryWithoutId() {
		FunctionAnswer answer = this.kit.call("product").send("{}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("id");
	}

}
