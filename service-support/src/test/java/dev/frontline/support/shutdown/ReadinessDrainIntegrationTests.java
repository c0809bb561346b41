package dev.frontline.support.shutdown;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service on Reactor Netty, its readiness probe on a management port of its own, as the
 * gateway and the function runtime run, closed as SIGTERM closes it.
 */
class ReadinessDrainIntegrationTests {

	private static final Duration SLOW_REQUEST = Duration.ofSeconds(3);

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static volatile CountDownLatch slowRequestArrived = new CountDownLatch(1);

	private ConfigurableApplicationContext service;

	@AfterEach
	void closeService() {
		if (this.service != null) {
			this.service.close();
		}
	}

	@Test
	void refusesReadinessThenServesThroughTheDrainBeforeTheServerStopsAccepting() throws Exception {
		Duration drain = Duration.ofSeconds(3);
		this.service = start(drain);
		int port = port("local.server.port");
		URI readiness = URI.create("http://127.0.0.1:" + port("local.management.port") + "/actuator/health/readiness");
		assertThat(status(readiness)).isEqualTo(200);

		long closing = System.nanoTime();
		CompletableFuture<Void> closed = CompletableFuture.runAsync(this.service::close);
		await().atMost(drain).pollInterval(Duration.ofMillis(10)).until(() -> status(readiness) == 503);
		Duration readinessDown = since(closing);
		assertThat(refusesConnections(port)).isFalse();

		List<Integer> duringDrain = new ArrayList<>();
		while (duringDrain.isEmpty() || since(closing).compareTo(drain.minusSeconds(1)) < 0) {
			duringDrain.add(statusOnNewConnection(port, "/hello"));
		}
		assertThat(duringDrain).isNotEmpty().containsOnly(200);

		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> refusesConnections(port));
		Duration stoppedAccepting = since(closing);
		assertThat(stoppedAccepting).isGreaterThanOrEqualTo(drain);
		// Readiness was down for a good part of the drain before the port closed.
		assertThat(stoppedAccepting.minus(readinessDown)).isGreaterThan(drain.dividedBy(2));
		closed.get(10, TimeUnit.SECONDS);
	}

	@Test
	void stopsAtOnceWhenOnlyStoppedAsTheTestFrameworkPausesAContext() {
		Duration drain = Duration.ofSeconds(8);
		this.service = start(drain);
		long stopping = System.nanoTime();
		this.service.stop();
		assertThat(since(stopping)).isLessThan(drain.dividedBy(2));
		assertThat(refusesConnections(port("local.server.port"))).isTrue();
	}

	@Test
	void letsARequestInFlightAtShutdownFinishWith200() throws Exception {
		this.service = start(Duration.ZERO);
		int port = port("local.server.port");
		slowRequestArrived = new CountDownLatch(1);
		CompletableFuture<HttpResponse<String>> slow = http.sendAsync(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(slowRequestArrived.await(5, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Void> closed = CompletableFuture.runAsync(this.service::close);
		// The server takes no new connection while the slow request is still running.
		await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10)).until(() -> refusesConnections(port));
		assertThat(slow).isNotDone();

		HttpResponse<String> response = slow.get(10, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("slow");
		closed.get(10, TimeUnit.SECONDS);
	}

	private static ConfigurableApplicationContext start(Duration drain) {
		return new SpringApplicationBuilder(SlowService.class)
			.properties("server.port=0", "management.server.port=0", "management.endpoint.health.probes.enabled=true",
					"server.shutdown=graceful", "spring.lifecycle.timeout-per-shutdown-phase=10s",
					"frontline.shutdown.drain-delay=" + drain.toMillis() + "ms")
			.run();
	}

	private int port(String property) {
		return this.service.getEnvironment().getRequiredProperty(property, Integer.class);
	}

	private static int status(URI uri) {
		try {
			return http
				.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	/**
	 * The status of a GET on a connection of its own, as a balancer that has not polled
	 * yet would open one.
	 */
	private static int statusOnNewConnection(int port, String path) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10000);
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String statusLine = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			return Integer.parseInt(statusLine.split(" ")[1]);
		}
	}

	private static boolean refusesConnections(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	private static Duration since(long nanos) {
		return Duration.ofNanos(System.nanoTime() - nanos);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class SlowService {

		@Bean
		RouterFunction<ServerResponse> routes() {
			return RouterFunctions.route()
				.GET("/hello", (request) -> ServerResponse.ok().bodyValue("hello"))
				.GET("/slow", (request) -> {
					slowRequestArrived.countDown();
					return Mono.delay(SLOW_REQUEST).then(ServerResponse.ok().bodyValue("slow"));
				})
				.build();
		}

	}

}
