package dev.frontline.functions.testkit;

import java.time.Duration;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static org.awaitility.Awaitility.await;

/**
 * Tests functions: stubs their backends and calls them over HTTP with a caller, as the
 * gateway does. Obtained by injection in a {@link FunctionTest}.
 *
 * <pre class="code">
 * kit.backend("profile").get("/users/alice").respond(200, ALICE);
 * kit.backend("cart").get("/carts/alice").fail(503);
 * FunctionAnswer answer = kit.call("homePage").as("alice").send();
 * assertThat(answer.status()).isEqualTo(200);
 * assertThat(answer.isPartial()).isTrue();
 * assertThat(answer.missing()).containsExactly("cart");
 * </pre>
 */
public final class FunctionTestKit {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

	private final ConfigurableApplicationContext context;

	private final Map<String, StubBackend> backends;

	private final WebClient http = WebClient.create();

	private volatile boolean ready;

	FunctionTestKit(ConfigurableApplicationContext context, Map<String, StubBackend> backends) {
		this.context = context;
		this.backends = backends;
	}

	/**
	 * The stub of a backend.
	 * @param name the backend's name under {@code frontline.backends}
	 * @return its stub
	 * @throws IllegalArgumentException if no backend has that name
	 */
	public StubBackend backend(String name) {
		StubBackend backend = this.backends.get(name);
		if (backend == null) {
			throw new IllegalArgumentException(
					"No backend '" + name + "'; the stubbed backends are " + this.backends.keySet());
		}
		return backend;
	}

	/**
	 * A call of a function, or of a composition such as {@code homePage,mobileView};
	 * anonymous until told otherwise.
	 * @param definition the function's name, or names joined by {@code ,}
	 * @return the call, not yet sent
	 */
	public FunctionCall call(String definition) {
		return new FunctionCall(this.http, baseUrl(), definition, this.context.getBean(JsonMapper.class));
	}

	/**
	 * Where the runtime answers.
	 * @return such as {@code http://localhost:40123}
	 */
	public String baseUrl() {
		return "http://localhost:" + port("local.server.port");
	}

	/**
	 * Where the runtime's management server answers ({@code /actuator/...}).
	 * @return such as {@code http://localhost:40124}
	 */
	public String managementUrl() {
		return "http://localhost:" + port("local.management.port");
	}

	/**
	 * What the runtime's {@code /actuator/prometheus} shows now, such as
	 * {@code resilience4j_circuitbreaker_state{name="catalog",state="open"} 1.0}.
	 * @return the scrape, in the Prometheus text format
	 */
	public String prometheus() {
		String scrape = this.http.get()
			.uri(managementUrl() + "/actuator/prometheus")
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(10));
		return (scrape != null) ? scrape : "";
	}

	/**
	 * Takes every stub's rules and counts away, brings stopped stubs back, and closes
	 * every circuit breaker; done before each test.
	 */
	public void reset() {
		this.backends.values().forEach(StubBackend::reset);
		this.context.getBeanProvider(CircuitBreakerRegistry.class)
			.ifAvailable((registry) -> registry.getAllCircuitBreakers().forEach(CircuitBreaker::reset));
	}

	/**
	 * Waits until the runtime's readiness probe answers 200: its initializers have
	 * completed.
	 * @throws org.awaitility.core.ConditionTimeoutException if it is not ready within 30
	 * seconds
	 */
	public void awaitReady() {
		if (this.ready) {
			return;
		}
		await().atMost(READY_TIMEOUT)
			.pollInterval(Duration.ofMillis(50))
			.alias("the function runtime's readiness at " + managementUrl() + "/actuator/health/readiness")
			.until(this::reportsReady);
		this.ready = true;
	}

	private boolean reportsReady() {
		Integer status = this.http.get()
			.uri(managementUrl() + "/actuator/health/readiness")
			.exchangeToMono((response) -> Mono.just(response.statusCode().value()))
			.onErrorReturn(0)
			.block(Duration.ofSeconds(5));
		return status != null && status == 200;
	}

	private String port(String property) {
		String port = this.context.getEnvironment().getProperty(property);
		if (port == null) {
			throw new IllegalStateException("The runtime has not started its server yet (no " + property + ")");
		}
		return port;
	}

}
