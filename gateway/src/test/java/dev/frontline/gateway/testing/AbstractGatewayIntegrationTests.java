package dev.frontline.gateway.testing;

import java.nio.file.Path;
import java.time.Duration;

import dev.frontline.gateway.routing.SnapshotRouteLocator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the tests of a gateway that Spring Boot's test support starts on a random port
 * ({@code @SpringBootTest(webEnvironment = RANDOM_PORT)} on the subclass): its data in a
 * temporary directory, a control plane that refuses connections, the routes to apply
 * snapshots to, and a client of the gateway, built again before each test.
 */
public abstract class AbstractGatewayIntegrationTests {

	@TempDir
	private static Path dataDir;

	@LocalServerPort
	private int port;

	/** The routes of the gateway. */
	@Autowired
	protected SnapshotRouteLocator routes;

	/** A client of the gateway, on its port. */
	protected WebTestClient client;

	@DynamicPropertySource
	static void gatewayProperties(DynamicPropertyRegistry registry) {
		// The directory of this test class: the static field changes with the next one.
		String directory = dataDir.toString();
		registry.add("frontline.data-dir", () -> directory);
		registry.add("frontline.gateway.control-plane.uri", ClosedPort::uri);
	}

	@BeforeEach
	void connectClient() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

}
