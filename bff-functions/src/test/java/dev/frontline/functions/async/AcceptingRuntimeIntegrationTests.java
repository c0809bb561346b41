package dev.frontline.functions.async;

import java.time.Duration;
import java.util.UUID;

import dev.frontline.functions.async.AsyncCalls.Answer;
import dev.frontline.functions.identity.Passports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A runtime that accepts invocations and leaves running them to others
 * ({@code frontline.async.run-invocations=false}): what it accepts stays queued, with an
 * execution in the store for a runtime that runs them, until its caller cancels it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "frontline.async.run-invocations=false" })
@Import(AsyncTestFunctions.class)
class AcceptingRuntimeIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private AsyncCalls calls;

	private final String key = UUID.randomUUID().toString();

	private final String alice = Passports.DEV.user("alice").sign();

	@BeforeEach
	void calls() {
		this.calls = new AsyncCalls("http://localhost:" + this.port);
	}

	@Test
	void keepsWhatItAcceptsQueuedForTheRuntimesThatRunInvocations() {
		String id = this.calls.invoke("echo", "{\"text\":\"" + this.key + "\"}", this.alice)
			.json()
			.path("id")
			.asString();
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> "queued".equals(this.calls.status(id, this.alice).json().path("status").asString()));
		assertThat(AsyncTestFunctions.calls(this.key)).isZero();
		assertThat(executions(id)).isOne();
	}

	@Test
	void cancelsAQueuedInvocationAndRemovesItsExecution() {
		String id = this.calls.invoke("echo", "{\"text\":\"" + this.key + "\"}", this.alice)
			.json()
			.path("id")
			.asString();
		Answer cancelled = this.calls.cancel(id, this.alice);
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");
		assertThat(cancelled.json().path("finishedAt").isString()).isTrue();
		assertThat(this.calls.status(id, this.alice).json().path("status").asString()).isEqualTo("cancelled");
		assertThat(executions(id)).isZero();
	}

	private int executions(String id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

}
