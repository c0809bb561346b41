package dev.frontline.admin.trigger;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.frontline.admin.ApiTest;
import dev.frontline.admin.AsyncRuntimeStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static dev.frontline.admin.Logins.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console fires its timer triggers on its function runtime, each scheduled time once,
 * under the idempotency key of that time, and retries a failed post with the same key.
 */
@ApiTest
class TriggerSchedulingTests {

	private static final AsyncRuntimeStub runtime = AsyncRuntimeStub.start(ApiTest.TOKEN);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TriggerFirings firings;

	@AfterAll
	static void stopRuntime() {
		runtime.close();
	}

	@Test
	void firesEachSecondUnderTheIdempotencyKeyOfTheScheduledTime() throws Exception {
		create("every-second", "report|mail", "{\"hello\": \"world\"}");
		await().atMost(Duration.ofSeconds(20)).until(() -> posts("every-second").size() >= 4);
		stop("every-second", "report|mail");

		List<AsyncRuntimeStub.Request> posts = posts("every-second");
		// Posted on several threads, so not necessarily in order.
		List<Long> seconds = posts.stream().map((post) -> second("every-second", post)).sorted().toList();
		assertThat(seconds).doesNotHaveDuplicates();
		assertThat(seconds.get(seconds.size() - 1) - seconds.get(0)).as("seconds from first to last firing")
			.isEqualTo(seconds.size() - 1);
		assertThat(posts).allSatisfy((post) -> {
			assertThat(post.method()).isEqualTo("POST");
			assertThat(post.path()).isEqualTo("/async/triggers/report|mail");
			assertThat(post.header("Authorization")).isEqualTo("Bearer " + ApiTest.TOKEN);
			assertThat(post.header("X-Frontline-Trigger")).isEqualTo("every-second");
			assertThat(post.header("Content-Type")).startsWith(MediaType.APPLICATION_JSON_VALUE);
			assertThat(post.body()).isEqualTo("{\"hello\":\"world\"}");
		});

		List<Firing> history = this.firings.latest("every-second", 100);
		assertThat(history).hasSameSizeAs(posts).allSatisfy((firing) -> {
			assertThat(firing.status()).isEqualTo(Firing.Status.FIRED);
			assertThat(firing.attempts()).isEqualTo(1);
			assertThat(firing.catchUp()).isFalse();
			assertThat(firing.invocationId()).isEqualTo(runtime.invocationOf(firing.idempotencyKey()));
			assertThat(firing.invocationStatus()).isEqualTo("queued");
		});
		assertThat(history.get(0).scheduledAt().getEpochSecond()).isEqualTo(seconds.get(seconds.size() - 1));
		assertThat(history.get(0).idempotencyKey())
			.isEqualTo("trigger:every-second:" + seconds.get(seconds.size() - 1));
	}

	@Test
	void retriesAFailedPostUnderTheSameKeyUntilTheRuntimeAcceptsIt() throws Exception {
		runtime.failingTriggers(2, 503);
		create("retried", "report", "{}");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.firings.latest("retried", 100)
				.stream()
				.filter((firing) -> firing.status() == Firing.Status.FIRED && firing.attempts() > 1)
				.count() >= 1);
		stop("retried", "report");

		Map<String, Integer> postsByKey = new LinkedHashMap<>();
		posts("retried").forEach((post) -> postsByKey.merge(post.header("Idempotency-Key"), 1, Integer::sum));
		assertThat(postsByKey.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(postsByKey.size() + 2);
		List<Firing> history = this.firings.latest("retried", 100);
		assertThat(history).hasSize(postsByKey.size()).allSatisfy((firing) -> {
			assertThat(firing.status()).isEqualTo(Firing.Status.FIRED);
			assertThat(firing.attempts()).isEqualTo(postsByKey.get(firing.idempotencyKey()));
			assertThat(firing.error()).isNull();
		});
	}

	@Test
	void givesUpAtOnceOnAFiringTheRuntimeRefuses() throws Exception {
		create("refused", "missing", "{}");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !this.firings.latest("refused", 1).isEmpty()
					&& this.firings.latest("refused", 1).get(0).status() == Firing.Status.FAILED);
		stop("refused", "missing");
		Firing failed = this.firings.latest("refused", 100).get(0);
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.error()).contains("refused the firing: it answered 404: No function 'missing'");
		assertThat(posts("refused"))
			.filteredOn((post) -> post.header("Idempotency-Key").equals(failed.idempotencyKey()))
			.hasSize(1);
	}

	private void create(String id, String function, String payload) throws Exception {
		this.mvc
			.perform(post("/api/v1/triggers").with(OPERATOR)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"id": "%s", "cron": "* * * * * *", "function": "%s", "runtime": "%s", "payload": %s}"""
					.formatted(id, function, runtime.uri(), payload)))
			.andExpect(status().isCreated());
	}

	/**
	 * Disables a trigger, and waits until its last firing is posted.
	 */
	private void stop(String id, String function) throws Exception {
		this.mvc
			.perform(put("/api/v1/triggers/" + id).with(OPERATOR)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"cron": "* * * * * *", "function": "%s", "runtime": "%s", "enabled": false}"""
					.formatted(function, runtime.uri())))
			.andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.firings.latest(id, 1000)
				.stream()
				.noneMatch((firing) -> firing.status() == Firing.Status.PENDING));
	}

	private static List<AsyncRuntimeStub.Request> posts(String id) {
		return runtime.triggerPosts().stream().filter((post) -> id.equals(post.header("X-Frontline-Trigger"))).toList();
	}

	private static long second(String id, AsyncRuntimeStub.Request post) {
		String key = post.header("Idempotency-Key");
		assertThat(key).matches("trigger:" + id + ":\\d{10}");
		return Long.parseLong(key.substring(key.lastIndexOf(':') + 1));
	}

}
