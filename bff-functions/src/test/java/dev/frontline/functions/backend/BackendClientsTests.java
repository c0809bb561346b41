package dev.frontline.functions.backend;

import java.net.URI;
import java.util.Map;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.service.annotation.GetExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BackendClientsTests {

	private final BackendClients clients = new BackendClients(
			new BackendsProperties(
					Map.of("catalog", BackendsProperties.Backend.at(URI.create("http://localhost:7002")))),
			WebClient.builder(), new BackendGuards(CircuitBreakerRegistry.ofDefaults(), RetryRegistry.ofDefaults(),
					BulkheadRegistry.ofDefaults(), new BackendCallMetrics(new SimpleMeterRegistry())));

	@Test
	void createsAClientForAConfiguredBackend() {
		assertThat(this.clients.create("catalog", ReactiveClient.class)).isNotNull();
	}

	@Test
	void refusesAClientThatWouldBlock() {
		assertThatIllegalStateException().isThrownBy(() -> this.clients.create("catalog", BlockingClient.class))
			.withMessageContaining("must return Mono or Flux");
	}

	@Test
	void refusesABackendThatIsNotConfigured() {
		assertThatIllegalStateException().isThrownBy(() -> this.clients.create("cart", ReactiveClient.class))
			.withMessageContaining("frontline.backends.cart.url");
	}

	interface ReactiveClient {

		@GetExchange("/products/{id}")
		Mono<String> product(String id);

	}

	interface BlockingClient {

		@GetExchange("/products/{id}")
		String product(String id);

	}

}
