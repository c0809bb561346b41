package dev.frontline.functions.web;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
		PublishedFunction numbers = new PublishedFunction("numbers", Number.class, String.class, "");
		PublishedFunction text = new PublishedFunction("text", String.class, String.class, "");
		assertThat(page.feeds(numbers)).isTrue();
		assertThat(page.feeds(text)).isFalse();
	}

	@Test
	void listsNameTypesAndDescription() {
		PublishedFunction function = new PublishedFunction("homePage", String.class,
				ResolvableType.forClassWithGenerics(Mono.class, Integer.class).getType(), "Says hello.");
		assertThat(function.listing())
			.isEqualTo(new PublishedFunction.FunctionListing("homePage", "String", "Integer", "Says hello."));
	}

}
