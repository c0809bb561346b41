package dev.frontline.functions.async;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.frontline.functions.FunctionsApplication;
import dev.frontline.functions.async.AsyncCalls.Answer;
import dev.frontline.functions.identity.Passports;
import dev.frontline.testing.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A runtime whose PostgreSQL store (the server on localhost, in a schema of this test's
 * own) it reaches through a proxy that the test cuts, as the network to the database
 * fails in production. Skipped when the server is unreachable, unless {@code CI=true}.
 */
class UnreachableStoreIntegrationTests {

	private static final String SCHEMA = LocalPostgres.newSchema("functions_outage_");

	private final String key = UUID.randomUUID().toString();

	private TcpProxy proxy;

	private ConfigurableApplicationContext runtime;

	private AsyncCalls calls;

	@BeforeAll
	static void requirePostgres() {
		LocalPostgres.require("the unreachable store test");
	}

	@AfterAll
	static void dropSchema() {
		LocalPostgres.dropSchema(SCHEMA);
	}

	@BeforeEach
	void startRuntime() {
		this.proxy = TcpProxy.open(LocalPostgres.PORT);
		// Netty resources of its own, so that closing it leaves other tests' servers up.
		this.runtime = new SpringApplicationBuilder(FunctionsApplication.class, AsyncTestFunctions.class,
				SharedStoreBehaviour.OwnNettyResources.class)
			.run("--server.port=0", "--management.server.port=0",
					"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + this.proxy.port() + "/test",
					"--spring.datasource.username=" + LocalPostgres.USER, "--spring.datasource.hikari.schema=" + SCHEMA,
					"--spring.flyway.schemas=" + SCHEMA);
		this.calls = new AsyncCalls(
				"http://localhost:" + this.runtime.getEnvironment().getProperty("local.server.port"));
	}

	@AfterEach
	void stopRuntime() {
		this.proxy.open();
		this.runtime.close();
		this.proxy.close();
	}

	@Test
	void answersServiceUnavailableAndAcceptsNothingWhileTheStoreIsUnreachable() throws SQLException {
		String body = "{\"text\":\"" + this.key + "\"}";
		Map<String, String> idempotent = Map.of(AsyncRequests.IDEMPOTENCY_KEY_HEADER, this.key);
		this.proxy.cut();

		long started = System.nanoTime();
		Answer refused = this.calls.invoke("echo", body, alice(), idempotent);
		// Hikari's default would keep the request waiting 30 s for a connection.
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
		assertThat(refused.problemType()).isEqualTo("urn:frontline:problem:invocation-store-unavailable");
		assertThat(refused.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(refused.json().path("detail").asString())
			.isEqualTo("The store of asynchronous invocations cannot be reached; nothing was accepted or changed. "
					+ "Try again shortly.");
		assertThat(refused.body()).doesNotContainIgnoringCase("sql").doesNotContainIgnoringCase("jdbc");
		Answer status = this.calls.status(UUID.randomUUID().toString(), alice());
		assertThat(status.status()).as(status.toString()).isEqualTo(503);
		assertThat(invocations()).isZero();
		assertThat(executions()).isZero();

		// The client repeats the request with its key until the store is back: one
		// invocation, run once.
		this.proxy.open();
		Answer accepted = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.calls.invoke("echo", body, alice(), idempotent), (answer) -> answer.status() != 503);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		JsonNode done = this.calls.awaitStatus(accepted.json().path("id").asString(), alice(), "succeeded");
		assertThat(done.path("attempts").asInt()).isEqualTo(1);
		assertThat(done.path("result").path("text").asString()).isEqualTo(this.key);
		assertThat(AsyncTestFunctions.attempts(this.key)).containsExactly(1);
		assertThat(invocations()).isOne();
	}

	private static String alice() {
		return Passports.DEV.user("alice").sign();
	}

	private static long invocations() throws SQLException {
		return count("SELECT COUNT(*) FROM " + SCHEMA + ".invocations");
	}

	private static long executions() throws SQLException {
		return count("SELECT COUNT(*) FROM " + SCHEMA + ".scheduled_tasks WHERE task_name = '"
				+ InvocationExecutor.TASK.getTaskName() + "'");
	}

	// Straight to the server, around the proxy.
	private static long count(String query) throws SQLException {
		try (Connection connection = LocalPostgres.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			result.next();
			return result.getLong(1);
		}
	}

}
