package dev.frontline.functions.backend;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.service.annotation.GetExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BackendClientsTests {

	private final BackendClients clients = new BackendClients(
			new BackendsProperties(Map.of("catalog",
					new BackendsProperties.Backend(URI.create("http://localhost:7002"), Duration.ofSeconds(1)))),
			WebClient.builder());

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
