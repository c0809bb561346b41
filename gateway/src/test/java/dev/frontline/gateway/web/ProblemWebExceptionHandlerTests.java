package dev.frontline.gateway.web;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProblemWebExceptionHandlerTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final ProblemWebExceptionHandler handler = new ProblemWebExceptionHandler(new ProblemWriter(this.json));

	@Test
	void answersANotFoundWithARouteNotFoundProblem() {
		MockServerWebExchange exchange = exchange();
		JsonNode problem = handle(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(problem.path("type").asString()).isEqualTo("urn:frontline:problem:route-not-found");
		assertThat(problem.path("instance").asString()).isEqualTo("/api/things");
		assertThat(problem.path("requestId").asString()).isEqualTo("req-1");
	}

	@Test
	void answersARefusedConnectionWithABadGatewayProblem() {
		MockServerWebExchange exchange = exchange();
		JsonNode problem = handle(exchange, new IllegalStateException(new ConnectException("Connection refused")));
		assertThat(problem.path("status").asInt()).isEqualTo(502);
		assertThat(problem.path("type").asString()).isEqualTo("urn:frontline:problem:bad-gateway");
	}

	@Test
	void answersATimeoutWithAGatewayTimeoutProblem() {
		MockServerWebExchange exchange = exchange();
		JsonNode problem = handle(exchange, new TimeoutException("slow"));
		assertThat(problem.path("status").asInt()).isEqualTo(504);
		assertThat(problem.path("type").asString()).isEqualTo("urn:frontline:problem:gateway-timeout");
	}

	@Test
	void answersAnythingElseWithAnInternalProblemThatHidesTheCause() {
		MockServerWebExchange exchange = exchange();
		JsonNode problem = handle(exchange, new IllegalStateException("secret internals"));
		assertThat(problem.path("status").asInt()).isEqualTo(500);
		assertThat(problem.path("type").asString()).isEqualTo("urn:frontline:problem:internal");
		assertThat(problem.toString()).doesNotContain("secret internals").doesNotContain("IllegalStateException");
	}

	@Test
	void keepsTheStatusOfOtherClientErrors() {
		MockServerWebExchange exchange = exchange();
		JsonNode problem = handle(exchange,
				new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "Exceeded limit on max bytes"));
		assertThat(problem.path("status").asInt()).isEqualTo(413);
		assertThat(problem.path("type").asString()).startsWith("urn:frontline:problem:");
		assertThat(problem.path("detail").asString()).isEqualTo("Exceeded limit on max bytes");
	}

	@Test
	void leavesAnAnswerThatIsAlreadyUnderWayAlone() {
		MockServerWebExchange exchange = exchange();
		exchange.getResponse().setComplete().block();
		assertThatIllegalStateException()
			.isThrownBy(() -> this.handler.handle(exchange, new IllegalStateException("late")).block());
	}

	private JsonNode handle(MockServerWebExchange exchange, Throwable ex) {
		this.handler.handle(exchange, ex).block();
		String body = exchange.getResponse().getBodyAsString().block();
		return this.json.readTree(body);
	}

	private static MockServerWebExchange exchange() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/things"));
		exchange.getAttributes().put(RequestIdWebFilter.ATTRIBUTE, "req-1");
		return exchange;
	}

}
