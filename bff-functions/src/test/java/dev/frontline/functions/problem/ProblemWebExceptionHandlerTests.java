package dev.frontline.functions.problem;

import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.MethodNotAllowedException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemWebExceptionHandlerTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final ProblemWebExceptionHandler handler = new ProblemWebExceptionHandler(this.json);

	@Test
	void answersAFunctionProblemAsItDescribesItself() {
		MockServerWebExchange exchange = exchange();
		this.handler.handle(exchange, new OutOfStock()).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode body = body(exchange);
		assertThat(body.get("type").asString()).isEqualTo("urn:frontline:problem:out-of-stock");
		assertThat(body.get("title").asString()).isEqualTo("Out of stock");
		assertThat(body.get("status").asInt()).isEqualTo(409);
		assertThat(body.get("detail").asString()).isEqualTo("No p1 left");
		assertThat(body.get("instance").asString()).isEqualTo("/homePage");
	}

	@Test
	void givesSpringsOwnErrorsAFrontlineType() {
		MockServerWebExchange exchange = exchange();
		this.handler.handle(exchange, new MethodNotAllowedException(HttpMethod.GET, Set.of(HttpMethod.POST))).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(exchange.getResponse().getHeaders().getAllow()).containsExactly(HttpMethod.POST);
		assertThat(body(exchange).get("type").asString()).isEqualTo("urn:frontline:problem:method-not-allowed");
	}

	@Test
	void hidesTheCauseOfAnUnexpectedFailure() {
		MockServerWebExchange exchange = exchange();
		this.handler.handle(exchange, new IllegalStateException("secret internals")).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		String body = exchange.getResponse().getBodyAsString().block();
		assertThat(body).contains("urn:frontline:problem:internal-error").doesNotContain("secret", "Exception");
	}

	@Test
	void findsAProblemWrappedInAnotherException() {
		MockServerWebExchange exchange = exchange();
		this.handler.handle(exchange, new RuntimeException(new OutOfStock())).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	private static MockServerWebExchange exchange() {
		return MockServerWebExchange.from(MockServerHttpRequest.post("/homePage"));
	}

	private JsonNode body(MockServerWebExchange exchange) {
		return this.json.readTree(exchange.getResponse().getBodyAsString().block());
	}

	static class OutOfStock extends FunctionProblem {

		OutOfStock() {
			super(HttpStatus.CONFLICT, "out-of-stock", "Out of stock", "No p1 left");
		}

	}

}
