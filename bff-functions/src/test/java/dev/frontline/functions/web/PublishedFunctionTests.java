package dev.frontline.functions.web;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedFunctionTests {

	@Test
	void namesPlainTypesBySimpleName() {
		assertThat(PublishedFunction.simpleName(String.class)).isEqualTo("String");
		assertThat(PublishedFunction.simpleName(Function.class)).isEqualTo("Function");
	}

	@Test
	void namesAMonoByItsValue() {
		assertThat(
				PublishedFunction.simpleName(ResolvableType.forClassWithGenerics(Mono.class, String.class).getType()))
			.isEqualTo("String");
	}

	@Test
	void namesAFluxAsAnArrayOfItsValues() {
		assertThat(
				PublishedFunction.simpleName(ResolvableType.forClassWithGenerics(Flux.class, String.class).getType()))
			.isEqualTo("String[]");
	}

	@Test
	void namesOtherGenericTypesWithTheirArguments() {
		assertThat(
				PublishedFunction.simpleName(ResolvableType.forClassWithGenerics(List.class, String.class).getType()))
			.isEqualTo("List<String>");
	}

	@Test
	void feedsAFunctionThatTakesWhatItAnswers() {
		PublishedFunction page = new PublishedFunction("page", String.class,
				ResolvableType.forClassWithGenerics(Mono.class, Integer.class).getType(), "");
		PublishedFunction numbers = new PublishedFunction("numbers", Integer.class, String.class, "");
		PublishedFunction text = new PublishedFunction("text", String.class, String.class, "");
		assertThat(page.feeds(numbers)).isTrue();
		assertThat(page.feeds(text)).isFalse();
	}

	@Test
	void feedsByTypeNameNotByJavaAssignability() {
		PublishedFunction page = new PublishedFunction("page", String.class,
				ResolvableType.forClassWithGenerics(Mono.class, Integer.class).getType(), "");
		PublishedFunction numbers = new PublishedFunction("numbers", Number.class, String.class, "");
		assertThat(page.feeds(numbers)).isFalse();
	}

	@Test
	void feedsAFunctionThatTakesAnyJson() {
		PublishedFunction page = new PublishedFunction("page", String.class, Integer.class, "");
		for (Type anyJson : List.of(Object.class, Map.class, JsonNode.class,
				ResolvableType.forClassWithGenerics(Map.class, String.class, Object.class).getType())) {
			PublishedFunction generic = new PublishedFunction("generic", anyJson, String.class, "");
			assertThat(generic.acceptsAnyInput()).as(anyJson.getTypeName()).isTrue();
			assertThat(page.feeds(generic)).as(anyJson.getTypeName()).isTrue();
		}
		assertThat(new PublishedFunction("text", String.class, String.class, "").acceptsAnyInput()).isFalse();
	}

	@Test
	void namesTypesFullyForCheckingCompositions() {
		assertThat(PublishedFunction.javaTypeName(Nested.class))
			.isEqualTo("dev.frontline.functions.web.PublishedFunctionTests.Nested");
		assertThat(
				PublishedFunction.javaTypeName(ResolvableType.forClassWithGenerics(Flux.class, Nested.class).getType()))
			.isEqualTo("dev.frontline.functions.web.PublishedFunctionTests.Nested[]");
		assertThat(
				PublishedFunction.javaTypeName(ResolvableType.forClassWithGenerics(List.class, String.class).getType()))
			.isEqualTo("java.util.List<java.lang.String>");
	}

	@Test
	void listsNameTypesAndDescription() {
		PublishedFunction function = new PublishedFunction("homePage", String.class,
				ResolvableType.forClassWithGenerics(Mono.class, Integer.class).getType(), "Says hello.");
		assertThat(function.listing()).isEqualTo(new PublishedFunction.FunctionListing("homePage", "String", "Integer",
				"Says hello.", "java.lang.String", "java.lang.Integer", false));
	}

	record Nested() {

	}

}
