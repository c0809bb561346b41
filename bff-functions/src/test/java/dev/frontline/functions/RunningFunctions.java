package dev.frontline.functions;

import java.net.URI;
import java.time.Duration;

import dev.frontline.demo.DemoBackends;
import dev.frontline.demo.RunningBackend;
import dev.frontline.functions.identity.Passports;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The function runtime on a random port, calling the demo backends started in this JVM.
 * Test classes that extend it share one application context. The catalog's timeout is
 * short so that a slow catalog fails quickly. Two passport keys are trusted, as while
 * gateways move from one to the other.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "frontline.backends.catalog.timeout=1s",
				"frontline.passport.verification-keys.frontline-dev=classpath:passport/dev-public-key.pem",
				"frontline.passport.verification-keys.next=classpath:passport/next-public-key.pem" })
public abstract class RunningFunctions {

	/**
	 * The header a passport travels in.
	 */
	protected static final String PASSPORT = "X-Frontline-Passport";

	// Started once for every test class; the JVM's exit stops them.
	protected static final DemoBackends BACKENDS = DemoBackends.start();

	@LocalServerPort
	private int port;

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		for (RunningBackend backend : BACKENDS.all()) {
			registry.add("frontline.backends." + backend.name() + ".url", backend::baseUrl);
		}
	}

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	// Failures injected by one test must not open a circuit for the next.
	@AfterEach
	void clearFaults() {
		BACKENDS.all().forEach((backend) -> backend.faults().reset());
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	protected WebTestClient client() {
		// Generous: a loaded build machine can stall a first call for seconds.
		return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(30)).build();
	}

	/**
	 * Posts JSON to a function definition as alice, sending the path exactly as given.
	 */
	protected WebTestClient.ResponseSpec call(String definition, String json) {
		return call(definition, json, Passports.DEV.user("alice").sign());
	}

	/**
	 * Posts JSON to a function definition with a passport, or none if it is {@code null}.
	 */
	protected WebTestClient.ResponseSpec call(String definition, String json, @Nullable String passport) {
		return client().post()
			.uri(URI.create(baseUrl() + "/" + definition))
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> {
				if (passport != null) {
					headers.set(PASSPORT, passport);
				}
			})
			.bodyValue(json)
			.exchange();
	}

}
