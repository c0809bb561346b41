package dev.frontline.admin.catalogue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogedFunctionTests {

	@Test
	void feedsAFunctionThatTakesItsOutputType() {
		assertThat(answering("dev.demo.HomePage").feeds(taking("dev.demo.HomePage", false))).isTrue();
		assertThat(answering("dev.demo.HomePage").feeds(taking("dev.demo.CallerQuery", false))).isFalse();
	}

	@Test
	void comparesFullyQualifiedNamesWhenTheCatalogueListsThem() {
		assertThat(answering("dev.demo.HomePage").feeds(taking("dev.other.HomePage", false))).isFalse();
		assertThat(answering("java.util.List<dev.demo.Product>").feeds(taking("java.util.List<dev.demo.Cart>", false)))
			.isFalse();
		assertThat(answering("java.util.Map<java.lang.String,java.lang.Integer>")
			.feeds(taking("java.util.Map<java.lang.String, java.lang.Integer>", false))).isTrue();
	}

	@Test
	void feedsAFunctionThatTheRuntimeSaysTakesAnyJson() {
		assertThat(
				answering("dev.demo.HomePage").feeds(taking("java.util.Map<java.lang.String, java.lang.Object>", true)))
			.isTrue();
	}

	@Test
	void comparesSimpleNamesWithoutPackagesWhenTheCatalogueListsNothingElse() {
		assertThat(simplyAnswering("HomePage").feeds(simplyTaking("HomePage"))).isTrue();
		assertThat(simplyAnswering("dev.demo.HomePage").feeds(simplyTaking("HomePage"))).isTrue();
		assertThat(simplyAnswering("HomePage").feeds(simplyTaking("CallerQuery"))).isFalse();
		assertThat(simplyAnswering("List<Product>").feeds(simplyTaking("List<Cart>"))).isFalse();
	}

	@Test
	void takesObjectMapAndJsonNodeInputsForAnyJsonWhenTheCatalogueDoesNotSay() {
		assertThat(simplyAnswering("HomePage").feeds(simplyTaking("Object"))).isTrue();
		assertThat(simplyAnswering("Product[]").feeds(simplyTaking("java.lang.Object"))).isTrue();
		assertThat(simplyAnswering("HomePage").feeds(simplyTaking("Map<String, Object>"))).isTrue();
		assertThat(simplyAnswering("HomePage").feeds(simplyTaking("JsonNode"))).isTrue();
		assertThat(simplyAnswering("HomePage").feeds(simplyTaking("String"))).isFalse();
	}

	@Test
	void feedsAnythingWhenATypeIsNotListed() {
		assertThat(simplyAnswering(null).feeds(simplyTaking("HomePage"))).isTrue();
		assertThat(simplyAnswering("HomePage").feeds(simplyTaking(null))).isTrue();
	}

	private static CatalogedFunction answering(String outputJavaType) {
		String simple = outputJavaType.substring(outputJavaType.lastIndexOf('.') + 1);
		return new CatalogedFunction("first", "In", simple, null, "dev.demo.In", outputJavaType, false);
	}

	private static CatalogedFunction taking(String inputJavaType, boolean acceptsAnyInput) {
		String simple = inputJavaType.substring(inputJavaType.lastIndexOf('.') + 1);
		return new CatalogedFunction("next", simple, "Out", null, inputJavaType, "dev.demo.Out", acceptsAnyInput);
	}

	private static CatalogedFunction simplyAnswering(String outputType) {
		return new CatalogedFunction("first", "In", outputType);
	}

	private static CatalogedFunction simplyTaking(String inputType) {
		return new CatalogedFunction("next", inputType, "Out");
	}

}
