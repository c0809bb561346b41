package dev.frontline.functions.backend;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;

import dev.frontline.demo.DemoBackends;
import dev.frontline.functions.identity.Passports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The profile backend points at a port where nothing listens. The runtime trusts its
 * default passport key.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class BackendDownIntegrationTests {

	private static final DemoBackends backends = DemoBackends.start();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		int closedPort = closedPort();
		registry.add("frontline.backends.profile.url", () -> "http://localhost:" + closedPort);
		registry.add("frontline.backends.catalog.url", backends.catalog()::baseUrl);
		registry.add("frontline.backends.cart.url", backends.cart()::baseUrl);
	}

	@AfterAll
	static void stopBackends() {
		backends.close();
	}

	@Test
	void answersBadGatewayWhenABackendIsDown() {
		call("homePage,mobileView").expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:backend-unavailable")
			.jsonPath("$.detail")
			.isEqualTo("The profile backend could not be reached");
	}

	@Test
	void keepsServingFunctionsThatDoNotNeedTheDownBackend() {
		call("cart").expectStatus().isOk().expectBody().jsonPath("$.user").isEqualTo("alice");
	}

	private WebTestClient.ResponseSpec call(String definition) {
		return WebTestClient.bindToServer()
			.build()
			.post()
			.uri(URI.create("http://localhost:" + this.port + "/" + definition))
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Frontline-Passport", Passports.DEV.user("alice").sign())
			.bodyValue("{}")
			.exchange();
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
