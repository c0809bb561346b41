package dev.frontline.gateway.web;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdWebFilterTests {

	private final RequestIdWebFilter filter = new RequestIdWebFilter();

	@Test
	void keepsAWellFormedIdAndEchoesItInTheResponse() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/api").header("X-Request-Id", "abc-123.x:1"));
		ServerWebExchange forwarded = filter(exchange);
		assertThat(forwarded.getRequest().getHeaders().getFirst("X-Request-Id")).isEqualTo("abc-123.x:1");
		assertThat(exchange.getResponse().getHeaders().getFirst("X-Request-Id")).isEqualTo("abc-123.x:1");
		assertThat((String) exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE)).isEqualTo("abc-123.x:1");
	}

	@Test
	void generatesAnIdWhenTheClientSentNone() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api"));
		ServerWebExchange forwarded = filter(exchange);
		String id = forwarded.getRequest().getHeaders().getFirst("X-Request-Id");
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(exchange.getResponse().getHeaders().getFirst("X-Request-Id")).isEqualTo(id);
	}

	@Test
	void replacesAMalformedOrOverlongId() {
		assertThat(RequestIdWebFilter.requestId("two words")).isNotEqualTo("two words");
		assertThat(RequestIdWebFilter.requestId("<script>")).isNotEqualTo("<script>");
		assertThat(RequestIdWebFilter.requestId("x".repeat(129))).hasSize(36);
		assertThat(RequestIdWebFilter.requestId("x".repeat(128))).hasSize(128);
	}

	private ServerWebExchange filter(MockServerWebExchange exchange) {
		AtomicReference<ServerWebExchange> forwarded = new AtomicReference<>();
		this.filter.filter(exchange, (next) -> {
			forwarded.set(next);
			return Mono.empty();
		}).then(exchange.getResponse().setComplete()).block();
		return forwarded.get();
	}

}
