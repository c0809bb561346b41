package dev.frontline.functions.async;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.zaxxer.hikari.HikariDataSource;
import dev.frontline.functions.FunctionsApplication;
import dev.frontline.functions.async.AsyncCalls.Answer;
import dev.frontline.functions.identity.Passports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ReactorResourceFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two runtimes on one store, as a cluster runs: an invocation outlives the runtime that
 * was running it, and a timer firing posted to both runs once. Heartbeats are quick, so
 * that a runtime that stops heartbeating counts as dead within a second.
 */
abstract class SharedStoreBehaviour {

	private final List<ConfigurableApplicationContext> runtimes = new ArrayList<>();

	private final String key = UUID.randomUUID().toString();

	/**
	 * The properties that point a runtime at the shared store.
	 */
	protected abstract List<String> store();

	@AfterEach
	void stopRuntimes() {
		this.runtimes.forEach(ConfigurableApplicationContext::close);
	}

	/**
	 * Netty resources of each runtime's own: by default, runtimes in one JVM share
	 * Reactor Netty's global event loops, which closing any of them disposes of, along
	 * with the servers of the runtimes that other tests keep open.
	 */
	@Configuration(proxyBeanMethods = false)
	static class OwnNettyResources {

		@Bean
		ReactorResourceFactory ownNettyResources() {
			ReactorResourceFactory resources = new ReactorResourceFactory();
			resources.setUseGlobalResources(false);
			return resources;
		}

	}

	@Test
	void repeatsTheAttemptOfAKilledRuntimeOnAnother() {
		ConfigurableApplicationContext first = start();
		AsyncCalls a = calls(first);
		String alice = Passports.DEV.user("alice").sign();
		String id = a.invoke("slow", "{\"key\":\"" + this.key + "\",\"millis\":60000}", alice)
			.json()
			.path("id")
			.asString();
		a.awaitStatus(id, alice, "running");
		assertThat(AsyncTestFunctions.attempts(this.key)).containsExactly(1);

		AsyncCalls b = calls(start());
		kill(first);

		JsonNode done = b.awaitStatus(id, Passports.DEV.user("alice").sign(), "succeeded");
		assertThat(done.path("attempts").asInt()).isEqualTo(2);
		assertThat(done.path("lastError").path("type").asString())
			.isEqualTo("urn:frontline:problem:async-attempt-lost");
		assertThat(done.path("result").path("key").asString()).isEqualTo(this.key);
		assertThat(AsyncTestFunctions.attempts(this.key)).containsExactly(1, 2);
	}

	@Test
	void runsATimerFiringPostedToEveryRuntimeOnce() {
		AsyncCalls a = calls(start());
		AsyncCalls b = calls(start());
		Map<String, String> firing = Map.of(AsyncRequests.TRIGGER_HEADER, "every-minute",
				AsyncRequests.IDEMPOTENCY_KEY_HEADER, "every-minute@" + this.key);
		String body = "{\"text\":\"" + this.key + "\"}";
		CompletableFuture<Answer> toA = CompletableFuture
			.supplyAsync(() -> a.operator(HttpMethod.POST, "/async/triggers/echo", body, firing));
		CompletableFuture<Answer> toB = CompletableFuture
			.supplyAsync(() -> b.operator(HttpMethod.POST, "/async/triggers/echo", body, firing));
		Answer fromA = toA.join();
		Answer fromB = toB.join();
		assertThat(fromA.status()).as(fromA.toString()).isEqualTo(202);
		assertThat(fromB.status()).as(fromB.toString()).isEqualTo(202);
		String id = fromA.json().path("id").asString();
		assertThat(fromB.json().path("id").asString()).isEqualTo(id);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> "succeeded"
				.equals(b.operator(HttpMethod.GET, "/async/dead-letters/" + id).json().path("status").asString()));
		// For longer than a second execution, had there been one, would take to run.
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> AsyncTestFunctions.attempts(this.key).equals(List.of(1)));
	}

	private ConfigurableApplicationContext start() {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--frontline.async.heartbeat-interval=200ms", "--frontline.async.missed-heartbeats=4",
				"--frontline.async.polling-interval=100ms", "--frontline.async.shutdown-grace=500ms"));
		store().forEach((property) -> arguments.add("--" + property));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(FunctionsApplication.class,
				AsyncTestFunctions.class, OwnNettyResources.class)
			.run(arguments.toArray(String[]::new));
		this.runtimes.add(context);
		return context;
	}

	// As when its process is killed: from this moment, nothing the runtime does reaches
	// the store, neither the heartbeats of the running attempt nor how the attempt ends,
	// and it runs nothing more.
	private static void kill(ConfigurableApplicationContext runtime) {
		runtime.getBean(HikariDataSource.class).close();
		runtime.getBean(AsyncScheduler.class).stop();
	}

	private static AsyncCalls calls(ConfigurableApplicationContext runtime) {
		return new AsyncCalls("http://localhost:" + runtime.getEnvironment().getProperty("local.server.port"));
	}

}
