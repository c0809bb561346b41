package dev.frontline.functions.async;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.frontline.functions.async.AsyncCalls.Answer;
import dev.frontline.functions.identity.Passports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Asynchronous invocations through the runtime's HTTP API, run by its scheduler on an
 * in-memory store: accepted with 202, retried, dead-lettered, redriven, cancelled, sent
 * to destinations, and kept from other callers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@Import(AsyncTestFunctions.class)
class AsyncInvocationIntegrationTests {

	private static final String ALICE = "alice";

	@LocalServerPort
	private int port;

	@Autowired
	private Environment environment;

	private AsyncCalls calls;

	private final String key = UUID.randomUUID().toString();

	@BeforeEach
	void calls() {
		this.calls = new AsyncCalls("http://localhost:" + this.port);
	}

	private static String alice() {
		return Passports.DEV.user(ALICE, "orders:read").claim("client_id", "mobile-app").sign();
	}

	@Test
	void acceptsAnInvocationAndAnswersItsResultUnderTheSameCaller() {
		Answer accepted = this.calls.invoke("echo", "{\"text\":\"" + this.key + "\"}", alice());
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		String id = accepted.json().path("id").asString();
		assertThat(accepted.headers().getLocation()).hasToString("/async/invocations/" + id);
		assertThat(accepted.json().path("status").asString()).isEqualTo("queued");
		assertThat(accepted.json().path("function").asString()).isEqualTo("echo");
		assertThat(accepted.json().path("maxRetries").asInt()).isEqualTo(3);

		JsonNode done = this.calls.awaitStatus(id, alice(), "succeeded");
		assertThat(done.path("attempts").asInt()).isEqualTo(1);
		assertThat(done.path("finishedAt").isString()).isTrue();
		assertThat(done.path("lastError").isNull()).isTrue();
		JsonNode result = done.path("result");
		assertThat(result.path("text").asString()).isEqualTo(this.key);
		assertThat(result.path("caller").asString()).isEqualTo(ALICE);
		assertThat(result.path("scopes").get(0).asString()).isEqualTo("orders:read");
		assertThat(result.path("clientId").asString()).isEqualTo("mobile-app");
		assertThat(result.path("authMethod").asString()).isEqualTo("jwt");
		assertThat(result.path("attempt").asInt()).isEqualTo(1);
	}

	@Test
	void runsACompositionOfFunctions() {
		String id = this.calls.invoke("echo%7Cstamp", "{\"text\":\"" + this.key + "\"}", alice())
			.json()
			.path("id")
			.asString();
		JsonNode done = this.calls.awaitStatus(id, alice(), "succeeded");
		assertThat(done.path("function").asString()).isEqualTo("echo,stamp");
		assertThat(done.path("result").path("text").asString()).isEqualTo("stamped " + this.key);
		assertThat(done.path("result").path("caller").asString()).isEqualTo(ALICE);
	}

	@Test
	void givesTheAttemptToAFunctionThatTakesAMessage() {
		String id = this.calls.invoke("attemptHeader", "{\"text\":\"" + this.key + "\"}", alice())
			.json()
			.path("id")
			.asString();
		this.calls.awaitStatus(id, alice(), "succeeded");
		assertThat(AsyncTestFunctions.ATTEMPT_HEADERS.get(this.key)).containsExactly("1");
	}

	@Test
	void retriesAFailingFunctionUntilItSucceeds() {
		Answer accepted = this.calls.invoke("flaky", flaky(2, 503), alice());
		JsonNode done = this.calls.awaitStatus(accepted.json().path("id").asString(), alice(), "succeeded");
		assertThat(done.path("attempts").asInt()).isEqualTo(3);
		assertThat(AsyncTestFunctions.attempts(this.key)).containsExactly(1, 2, 3);
		assertThat(done.path("lastError").path("status").asInt()).isEqualTo(503);
		assertThat(done.path("lastError").path("attempt").asInt()).isEqualTo(2);
		assertThat(done.path("result").path("key").asString()).isEqualTo(this.key);
	}

	@Test
	void waitsAsLongAsTheFailureAsksBeforeRetrying() {
		Answer accepted = this.calls.invoke("flaky", flaky(1, 503, 1), alice());
		this.calls.awaitStatus(accepted.json().path("id").asString(), alice(), "succeeded");
		List<Instant> calledAt = AsyncTestFunctions.CALLED_AT.get(this.key);
		assertThat(Duration.between(calledAt.get(0), calledAt.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void deadLettersAnInvocationWhoseRetriesRunOutAndRedrivesIt() {
		Answer accepted = this.calls.invoke("flaky", flaky(2, 502), alice(),
				Map.of(AsyncRequests.POLICY_HEADER, "{\"retries\":1}"));
		String id = accepted.json().path("id").asString();
		JsonNode dead = this.calls.awaitStatus(id, alice(), "dead_lettered");
		assertThat(dead.path("attempts").asInt()).isEqualTo(2);
		assertThat(dead.path("maxRetries").asInt()).isEqualTo(1);
		assertThat(dead.path("lastError").path("type").asString()).isEqualTo("urn:frontline:problem:refusal");
		assertThat(dead.path("lastError").path("status").asInt()).isEqualTo(502);

		Answer listed = this.calls.operator(HttpMethod.GET, "/async/dead-letters?limit=500");
		assertThat(listed.status()).isEqualTo(200);
		JsonNode entry = find(listed.json(), id);
		assertThat(entry.path("reason").asString()).isEqualTo("retries_exhausted");
		assertThat(entry.path("caller").asString()).isEqualTo(ALICE);

		JsonNode record = this.calls.operator(HttpMethod.GET, "/async/dead-letters/" + id).json();
		assertThat(record.path("input").path("key").asString()).isEqualTo(this.key);
		assertThat(record.path("caller").path("clientId").asString()).isEqualTo("mobile-app");
		assertThat(record.path("lastError").path("detail").asString()).contains("502");

		Answer redriven = this.calls.operator(HttpMethod.POST, "/async/dead-letters/" + id + "/redrive");
		assertThat(redriven.status()).as(redriven.toString()).isEqualTo(200);
		assertThat(redriven.json().path("status").asString()).isEqualTo("queued");
		JsonNode done = this.calls.awaitStatus(id, alice(), "succeeded");
		assertThat(done.path("attempts").asInt()).isEqualTo(1);
		assertThat(AsyncTestFunctions.calls(this.key)).isEqualTo(3);
		assertThat(this.calls.operator(HttpMethod.GET, "/async/dead-letters/" + id).json().path("redrives").asInt())
			.isEqualTo(1);
		Answer again = this.calls.operator(HttpMethod.POST, "/async/dead-letters/" + id + "/redrive");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemType()).isEqualTo("urn:frontline:problem:invocation-not-redrivable");
	}

	@Test
	void redrivesEveryDeadLetter() {
		String first = this.calls.invoke("flaky", flaky("a", 1, 400), alice()).json().path("id").asString();
		String second = this.calls.invoke("flaky", flaky("b", 1, 400), alice()).json().path("id").asString();
		this.calls.awaitStatus(first, alice(), "failed");
		this.calls.awaitStatus(second, alice(), "failed");
		Answer redriven = this.calls.operator(HttpMethod.POST, "/async/dead-letters/redrive");
		assertThat(redriven.status()).isEqualTo(200);
		assertThat(redriven.json().path("redriven").asInt()).isGreaterThanOrEqualTo(2);
		this.calls.awaitStatus(first, alice(), "succeeded");
		this.calls.awaitStatus(second, alice(), "succeeded");
	}

	@Test
	void failsWithoutRetryWhenTheFunctionRefusesTheInput() {
		String id = this.calls.invoke("flaky", flaky(5, 422), alice()).json().path("id").asString();
		JsonNode failed = this.calls.awaitStatus(id, alice(), "failed");
		assertThat(failed.path("attempts").asInt()).isEqualTo(1);
		assertThat(failed.path("lastError").path("status").asInt()).isEqualTo(422);
		assertThat(failed.path("nextAttemptAt").isNull()).isTrue();
		assertThat(AsyncTestFunctions.calls(this.key)).isEqualTo(1);
		JsonNode entry = find(this.calls.operator(HttpMethod.GET, "/async/dead-letters?limit=500").json(), id);
		assertThat(entry.path("status").asString()).isEqualTo("failed");
		assertThat(entry.path("reason").asString()).isEqualTo("not_retryable");
	}

	@Test
	void stopsRetryingOnceTheInvocationWouldBeTooOld() {
		String id = this.calls
			.invoke("flaky", flaky(100, 503), alice(),
					Map.of(AsyncRequests.POLICY_HEADER, "{\"retries\":10,\"maxEventAge\":\"1s\"}"))
			.json()
			.path("id")
			.asString();
		JsonNode dead = this.calls.awaitStatus(id, alice(), "dead_lettered");
		assertThat(dead.path("attempts").asInt()).isBetween(2, 10);
		JsonNode record = this.calls.operator(HttpMethod.GET, "/async/dead-letters/" + id).json();
		assertThat(record.path("reason").asString()).isEqualTo("max_event_age_exceeded");
		List<Instant> calledAt = AsyncTestFunctions.CALLED_AT.get(this.key);
		assertThat(calledAt).hasSize(dead.path("attempts").asInt())
			.allSatisfy((attempt) -> assertThat(attempt)
				.isBefore(Instant.parse(record.path("queuedAt").asString()).plusSeconds(1)));
	}

	@Test
	void answersTheSameInvocationToARepeatedRequestAndRefusesAReusedKey() {
		Map<String, String> idempotent = Map.of(AsyncRequests.IDEMPOTENCY_KEY_HEADER, this.key);
		String body = "{\"text\":\"" + this.key + "\"}";
		Answer first = this.calls.invoke("echo", body, alice(), idempotent);
		Answer repeated = this.calls.invoke("echo", body, alice(), idempotent);
		assertThat(repeated.status()).isEqualTo(202);
		assertThat(repeated.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
		assertThat(repeated.headers().getLocation()).isEqualTo(first.headers().getLocation());

		Answer reused = this.calls.invoke("echo", "{\"text\":\"other\"}", alice(), idempotent);
		assertThat(reused.status()).isEqualTo(409);
		assertThat(reused.problemType()).isEqualTo("urn:frontline:problem:idempotency-key-reused");
		assertThat(reused.json().path("invocation").asString()).isEqualTo(first.json().path("id").asString());

		Answer otherCaller = this.calls.invoke("echo", "{\"text\":\"other\"}", Passports.DEV.user("bob").sign(),
				idempotent);
		assertThat(otherCaller.status()).isEqualTo(202);
		assertThat(otherCaller.json().path("id").asString()).isNotEqualTo(first.json().path("id").asString());
		this.calls.awaitStatus(first.json().path("id").asString(), alice(), "succeeded");
		assertThat(AsyncTestFunctions.calls(this.key)).isEqualTo(1);
	}

	@Test
	void cancelsAnInvocationWaitingForItsNextAttempt() {
		String id = this.calls.invoke("flaky", flaky(1, 503, 60), alice()).json().path("id").asString();
		JsonNode retrying = this.calls.awaitStatus(id, alice(), "retrying");
		assertThat(Instant.parse(retrying.path("nextAttemptAt").asString())).isAfter(Instant.now().plusSeconds(50));
		Answer cancelled = this.calls.cancel(id, alice());
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");
		assertThat(this.calls.status(id, alice()).json().path("status").asString()).isEqualTo("cancelled");
		Answer again = this.calls.cancel(id, alice());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemType()).isEqualTo("urn:frontline:problem:invocation-not-cancellable");
	}

	@Test
	void keepsAnInvocationFromOtherCallers() {
		String id = this.calls.invoke("echo", "{\"text\":\"" + this.key + "\"}", alice()).json().path("id").asString();
		String bob = Passports.DEV.user("bob").sign();
		Answer read = this.calls.status(id, bob);
		assertThat(read.status()).isEqualTo(404);
		assertThat(read.problemType()).isEqualTo("urn:frontline:problem:invocation-not-found");
		assertThat(this.calls.cancel(id, bob).status()).isEqualTo(404);
		assertThat(this.calls.status("not-an-id", bob).status()).isEqualTo(404);
		assertThat(this.calls.exchange(HttpMethod.GET, "/async/invocations/" + id, null, (headers) -> {
		}).status()).isEqualTo(401);
		assertThat(this.calls.awaitStatus(id, alice(), "succeeded").path("result").path("caller").asString())
			.isEqualTo(ALICE);
	}

	@Test
	void refusesBadRequestsBeforeAcceptingThem() {
		Answer unknown = this.calls.invoke("nothing", "{}", alice());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.problemType()).isEqualTo("urn:frontline:problem:function-not-found");

		Answer badInput = this.calls.invoke("echo", "{\"text\":\"\"}", alice());
		assertThat(badInput.status()).isEqualTo(400);
		assertThat(badInput.problemType()).isEqualTo("urn:frontline:problem:malformed-request");

		Answer badPolicy = this.calls.invoke("echo", "{\"text\":\"x\"}", alice(),
				Map.of(AsyncRequests.POLICY_HEADER, "{\"retries\":11,\"onSuccess\":{\"function\":\"nothing\"}}"));
		assertThat(badPolicy.status()).isEqualTo(400);
		assertThat(badPolicy.problemType()).isEqualTo("urn:frontline:problem:invalid-async-request");
		assertThat(badPolicy.json().path("errors").findValuesAsString("field")).contains("policy.retries",
				"policy.onSuccess.function");

		Answer notJson = this.calls.invoke("echo", "{\"text\":\"x\"}", alice(),
				Map.of(AsyncRequests.POLICY_HEADER, "retries=3"));
		assertThat(notJson.status()).isEqualTo(400);

		Answer longKey = this.calls.invoke("echo", "{\"text\":\"x\"}", alice(),
				Map.of(AsyncRequests.IDEMPOTENCY_KEY_HEADER, "k".repeat(256)));
		assertThat(longKey.status()).isEqualTo(400);
		assertThat(longKey.json().path("errors").get(0).path("field").asString()).isEqualTo("Idempotency-Key");

		Answer noPassport = this.calls.exchange(HttpMethod.POST, "/async/echo", "{\"text\":\"x\"}", (headers) -> {
		});
		assertThat(noPassport.status()).isEqualTo(401);
		assertThat(noPassport.problemType()).isEqualTo("urn:frontline:problem:passport-required");
	}

	@Test
	void refusesOperatorEndpointsWithoutTheControlPlaneToken() {
		List<String> paths = List.of("/async/dead-letters", "/async/dead-letters/" + UUID.randomUUID(),
				"/async/triggers/echo");
		for (String path : paths) {
			HttpMethod method = path.contains("triggers") ? HttpMethod.POST : HttpMethod.GET;
			Answer none = this.calls.exchange(method, path, "{\"text\":\"x\"}", (headers) -> {
			});
			assertThat(none.status()).as(path).isEqualTo(401);
			assertThat(none.problemType()).isEqualTo("urn:frontline:problem:control-plane-token-required");
			assertThat(none.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
			Answer passportOnly = this.calls.exchange(method, path, "{\"text\":\"x\"}",
					(headers) -> headers.set(AsyncCalls.PASSPORT, alice()));
			assertThat(passportOnly.status()).as(path).isEqualTo(401);
			Answer wrong = this.calls.exchange(method, path, "{\"text\":\"x\"}",
					(headers) -> headers.setBearerAuth("guess"));
			assertThat(wrong.status()).as(path).isEqualTo(401);
			assertThat(wrong.problemType()).isEqualTo("urn:frontline:problem:control-plane-token-invalid");
		}
		String unknown = "/async/dead-letters/" + UUID.randomUUID() + "/redrive";
		Answer withToken = this.calls.operator(HttpMethod.POST, unknown);
		assertThat(withToken.status()).isEqualTo(404);
		assertThat(withToken.problemType()).isEqualTo("urn:frontline:problem:invocation-not-found");
		assertThat(this.calls.exchange(HttpMethod.POST, unknown, null, (headers) -> {
		}).status()).isEqualTo(401);
		assertThat(this.calls.operator(HttpMethod.GET, "/async/dead-letters?limit=0").status()).isEqualTo(400);
	}

	@Test
	void runsATimerTriggerAsTheTimer() {
		Answer fired = this.calls.operator(HttpMethod.POST, "/async/triggers/echo", "{\"text\":\"" + this.key + "\"}",
				Map.of(AsyncRequests.TRIGGER_HEADER, "nightly"));
		assertThat(fired.status()).as(fired.toString()).isEqualTo(202);
		String id = fired.json().path("id").asString();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "succeeded".equals(
					this.calls.operator(HttpMethod.GET, "/async/dead-letters/" + id).json().path("status").asString()));
		JsonNode record = this.calls.operator(HttpMethod.GET, "/async/dead-letters/" + id).json();
		assertThat(record.path("caller").path("subject").asString()).isEqualTo("timer:nightly");
		assertThat(record.path("caller").path("authMethod").asString()).isEqualTo("timer");
		assertThat(record.path("result").path("caller").asString()).isEqualTo("timer:nightly");
		Answer unnamed = this.calls.operator(HttpMethod.POST, "/async/triggers/echo", "{\"text\":\"x\"}", Map.of());
		assertThat(unnamed.status()).isEqualTo(400);
		// Passports never carry the timer's method: only the token opens the triggers.
		Answer forged = this.calls.invoke("echo", "{\"text\":\"x\"}",
				Passports.DEV.user("timer:nightly").claim("auth", "timer").sign());
		assertThat(forged.status()).isEqualTo(401);
	}

	@Test
	void postsTheOutcomeToTheCallbacks() {
		List<JsonNode> received = new CopyOnWriteArrayList<>();
		JsonMapper json = JsonMapper.builder().build();
		DisposableServer callback = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> request.receive()
				.aggregate()
				.asString()
				.doOnNext((body) -> received.add(json.readTree(body)))
				.then(response.status(204).send()))
			.bindNow();
		try {
			String url = "http://127.0.0.1:" + callback.port() + "/outcomes";
			String policy = "{\"retries\":0,\"onSuccess\":{\"callbackUrl\":\"" + url
					+ "\"},\"onFailure\":{\"callbackUrl\":\"" + url + "\"}}";
			String succeeded = this.calls
				.invoke("echo", "{\"text\":\"" + this.key + "\"}", alice(), Map.of(AsyncRequests.POLICY_HEADER, policy))
				.json()
				.path("id")
				.asString();
			String failed = this.calls
				.invoke("flaky", flaky("-flaky", 1, 503), alice(), Map.of(AsyncRequests.POLICY_HEADER, policy))
				.json()
				.path("id")
				.asString();
			await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);
			JsonNode success = received.stream()
				.filter((outcome) -> outcome.path("id").asString().equals(succeeded))
				.findFirst()
				.orElseThrow();
			assertThat(success.path("function").asString()).isEqualTo("echo");
			assertThat(success.path("status").asString()).isEqualTo("succeeded");
			assertThat(success.path("result").path("text").asString()).isEqualTo(this.key);
			JsonNode failure = received.stream()
				.filter((outcome) -> outcome.path("id").asString().equals(failed))
				.findFirst()
				.orElseThrow();
			assertThat(failure.path("status").asString()).isEqualTo("dead_lettered");
			assertThat(failure.path("error").path("status").asInt()).isEqualTo(503);
		}
		finally {
			callback.disposeNow();
		}
	}

	@Test
	void invokesTheSuccessFunctionWithTheResultUnderTheSameCaller() {
		String id = this.calls
			.invoke("echo", "{\"text\":\"" + this.key + "\"}", alice(),
					Map.of(AsyncRequests.POLICY_HEADER, "{\"onSuccess\":{\"function\":\"collect\"}}"))
			.json()
			.path("id")
			.asString();
		this.calls.awaitStatus(id, alice(), "succeeded");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> AsyncTestFunctions.COLLECTED.stream()
				.anyMatch((collected) -> collected.input().path("text").asString().equals(this.key)));
		AsyncTestFunctions.Collected collected = AsyncTestFunctions.COLLECTED.stream()
			.filter((entry) -> entry.input().path("text").asString().equals(this.key))
			.findFirst()
			.orElseThrow();
		assertThat(collected.caller()).isEqualTo(ALICE);
		assertThat(collected.input().path("caller").asString()).isEqualTo(ALICE);
	}

	@Test
	void publishesQueueAndAttemptMetrics() {
		String id = this.calls.invoke("flaky", flaky(1, 503), alice()).json().path("id").asString();
		this.calls.awaitStatus(id, alice(), "succeeded");
		String managementUrl = "http://localhost:" + this.environment.getProperty("local.management.port");
		AsyncCalls management = new AsyncCalls(managementUrl);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			String scrape = management.exchange(HttpMethod.GET, "/actuator/prometheus", null, (headers) -> {
			}).body();
			assertThat(scrape).contains("frontline_async_queue_depth ")
				.contains("frontline_async_queue_oldest_age_seconds ")
				.contains("frontline_async_dead_letters ")
				.contains("frontline_async_attempts_total{function=\"flaky\",outcome=\"retry\"}")
				.contains("frontline_async_attempts_total{function=\"flaky\",outcome=\"success\"}")
				.contains("frontline_async_invocations_total{function=\"flaky\",status=\"succeeded\"}")
				.doesNotContain(id);
		});
	}

	private String flaky(int failures, int status) {
		return flaky("", failures, status);
	}

	private String flaky(String suffix, int failures, int status) {
		return "{\"key\":\"" + this.key + suffix + "\",\"failures\":" + failures + ",\"status\":" + status + "}";
	}

	private String flaky(int failures, int status, int retryAfter) {
		return "{\"key\":\"" + this.key + "\",\"failures\":" + failures + ",\"status\":" + status + ",\"retryAfter\":"
				+ retryAfter + "}";
	}

	private static JsonNode find(JsonNode list, String id) {
		for (JsonNode entry : list) {
			if (entry.path("id").asString().equals(id)) {
				return entry;
			}
		}
		throw new AssertionError("No " + id + " in " + list);
	}

}
