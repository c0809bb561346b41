package dev.frontline.functions.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.frontline.functions.web.MalformedRequest.FieldError;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FunctionInputReaderTests {

	private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	private final FunctionInputReader reader = new FunctionInputReader(JsonMapper.builder().build(),
			validation.getValidator());

	@AfterAll
	static void close() {
		validation.close();
	}

	@Test
	void acceptsValidInputAndIgnoresUnknownFields() {
		byte[] body = bytes("{\"name\":\"a\",\"lines\":[{\"quantity\":1}],\"extra\":true}");
		assertThat(this.reader.check(Order.class, body)).isEqualTo(body);
	}

	@Test
	void readsAnEmptyBodyAsAnEmptyObject() {
		assertThat(errors("  ")).containsExactly(new FieldError("lines", "must not be null"),
				new FieldError("name", "must not be blank"));
	}

	@Test
	void refusesTextThatIsNotJson() {
		assertThatExceptionOfType(MalformedRequest.class)
			.isThrownBy(() -> this.reader.check(Order.class, bytes("{\"name\":")))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail())
				.isEqualTo("The request body is not valid JSON: it ends before the JSON does"));
	}

	@Test
	void refusesJsonThatIsNotAnObject() {
		assertThatExceptionOfType(MalformedRequest.class)
			.isThrownBy(() -> this.reader.check(Order.class, bytes("\"a\"")))
			.satisfies(
					(ex) -> assertThat(ex.getBody().getDetail()).isEqualTo("The request body must be a JSON object"));
	}

	@Test
	void namesAFieldOfTheWrongType() {
		assertThat(errors("{\"name\":\"a\",\"lines\":[{\"quantity\":\"many\"}]}"))
			.containsExactly(new FieldError("lines[0].quantity", "must be a number"));
		assertThat(errors("{\"name\":[1],\"lines\":[]}")).containsExactly(new FieldError("name", "must be a string"));
	}

	@Test
	void namesEveryConstraintBrokenWithItsPath() {
		assertThat(errors("{\"name\":\"\",\"lines\":[{\"quantity\":1},{\"quantity\":0}]}")).containsExactly(
				new FieldError("lines[1].quantity", "must be greater than 0"),
				new FieldError("name", "must not be blank"));
	}

	@Test
	void locatesTextThatIsNotJson() {
		assertThat(detail(bytes("{\"name\":\"a\",\n \"lines\": [nope]}")))
			.isEqualTo("The request body is not valid JSON (line 2, column 12)");
	}

	@Test
	void refusesABodyThatIsNotUtf8AndSaysWhere() {
		byte[] body = bytes("{\"name\":\"a?\",\"lines\":[]}");
		body[10] = (byte) 0xC3;
		assertThat(detail(body)).isEqualTo("The request body is not valid UTF-8 (byte 10)");
	}

	@Test
	void refusesJsonNestedDeeperThanTheParserReads() {
		assertThat(detail(bytes("[".repeat(600) + "]".repeat(600)))).isEqualTo(
				"The request body goes beyond what the runtime reads: Document nesting depth (501) exceeds the maximum allowed (500)");
	}

	@Test
	void namesAWholeNumberTooLargeForItsField() {
		assertThat(errors("{\"name\":\"a\",\"lines\":[{\"quantity\":2147483648}]}")).containsExactly(
				new FieldError("lines[0].quantity", "must be a whole number from -2147483648 to 2147483647"));
	}

	@Test
	void namesANumberBeyondTheRangeOfADoubleWhereverItIs() {
		assertThat(errors("{\"name\":\"a\",\"lines\":[],\"extra\":{\"price\":1e400}}"))
			.containsExactly(new FieldError("extra.price", "is a number out of range"));
		assertThat(errors("{\"name\":\"a\",\"lines\":[{\"quantity\":1" + "0".repeat(400) + "}]}"))
			.containsExactly(new FieldError("lines[0].quantity", "is a number out of range"));
	}

	private String detail(byte[] body) {
		try {
			this.reader.check(Order.class, body);
		}
		catch (MalformedRequest ex) {
			return String.valueOf(ex.getBody().getDetail());
		}
		throw new AssertionError("Expected the body to be refused");
	}

	@SuppressWarnings("unchecked")
	private List<FieldError> errors(String json) {
		try {
			this.reader.check(Order.class, bytes(json));
		}
		catch (MalformedRequest ex) {
			return (List<FieldError>) ex.getBody().getProperties().getOrDefault("errors", List.of());
		}
		throw new AssertionError("Expected " + json + " to be refused");
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	record Order(@NotBlank String name, @NotNull List<@Valid Line> lines) {

	}

	record Line(@Positive int quantity) {

	}

}
