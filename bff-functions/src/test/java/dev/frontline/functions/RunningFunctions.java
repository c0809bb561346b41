package dev.frontline.functions;

import java.net.URI;

import dev.frontline.demo.DemoBackends;
import dev.frontline.demo.RunningBackend;
import org.junit.jupiter.api.AfterEach;

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
 * short so that a slow catalog fails quickly.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "frontline.backends.catalog.timeout=1s" })
public abstract class RunningFunctions {

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

	@AfterEach
	void clearFaults() {
		BACKENDS.all().forEach((backend) -> backend.faults().reset());
	}

	protected WebTestClient client() {
		return WebTestClient.bindToServer().baseUrl(baseUrl()).build();
	}

	/**
	 * Posts JSON to a function definition, sending the path exactly as given.
	 */
	protected WebTestClient.ResponseSpec call(String definition, String json) {
		return client().post()
			.uri(URI.create(baseUrl() + "/" + definition))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

}
