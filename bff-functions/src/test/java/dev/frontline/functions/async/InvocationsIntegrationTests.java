package dev.frontline.functions.async;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import dev.frontline.contract.AsyncPolicy;
import dev.frontline.functions.identity.Caller;
import dev.frontline.functions.identity.Caller.AuthMethod;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store of invocations, on a runtime that runs none (so that nothing moves them on
 * meanwhile): what an invocation is stored as it reads back as, and the clean-up deletes
 * what it should and nothing else.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "frontline.async.run-invocations=false" })
@Import(AsyncTestFunctions.class)
class InvocationsIntegrationTests {

	private static final Duration RETENTION = Duration.ofDays(7);

	private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

	private static final Caller CALLER = new Caller("carol", Set.of("b", "a"), "web", AuthMethod.API_KEY, "req-9",
			"gw-2");

	@Autowired
	private Invocations invocations;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@Test
	void readsAnInvocationBackAsItWasStored() {
		AsyncPolicy policy = new AsyncPolicy(false, 5, Duration.ofMinutes(30), Duration.ofMinutes(2),
				new AsyncPolicy.Destination("https://example.com/done", null),
				new AsyncPolicy.Destination(null, "collect"));
		Invocation queued = Invocation.queued("echo,stamp", "route-1", "{\"text\":\"x\"}", CALLER, "key-1", policy,
				this.now);
		InvocationState running = queued.state().started(null, this.now.plusSeconds(1));
		Invocation retrying = queued
			.with(running.retrying(new AttemptError("urn:frontline:problem:refusal", "Refusal", 503, "No", 1),
					this.now.plusSeconds(9), this.now.plusSeconds(2)));
		this.invocations.insert(retrying);
		assertThat(this.invocations.find(retrying.id())).contains(retrying);
		assertThat(this.invocations.findByIdempotencyKey("carol", "echo,stamp", "key-1")).contains(retrying);
		assertThat(this.invocations.findByIdempotencyKey("dave", "echo,stamp", "key-1")).isEmpty();
	}

	@Test
	void movesAnInvocationOnOnlyFromTheStateItIsIn() {
		Invocation queued = queued(this.now);
		this.invocations.insert(queued);
		InvocationState running = queued.state().started(null, this.now.plusSeconds(1));
		assertThat(this.invocations.transition(queued.id(), queued.state(), running)).isTrue();
		assertThat(this.invocations.transition(queued.id(), queued.state(), queued.state().cancelled(this.now)))
			.isFalse();
		assertThat(this.invocations.find(queued.id()).map(Invocation::state)).contains(running);
	}

	@Test
	void deletesExpiredResultsAndInvocationsPastRetention() {
		Invocation longDone = succeeded(this.now.minus(RETENTION).minusSeconds(60));
		Invocation resultExpired = succeeded(this.now.minus(Duration.ofHours(2)));
		Invocation resultKept = succeeded(this.now.minus(Duration.ofMinutes(10)));
		Invocation longDead = deadLettered(this.now.minus(DEAD_LETTER_RETENTION).minusSeconds(60));
		Invocation recentlyDead = deadLettered(this.now.minus(RETENTION).minusSeconds(60));
		Invocation waiting = queued(this.now.minus(DEAD_LETTER_RETENTION).minusSeconds(60));
		for (Invocation invocation : new Invocation[] { longDone, resultExpired, resultKept, longDead, recentlyDead,
				waiting }) {
			this.invocations.insert(invocation);
		}

		assertThat(this.invocations.clean(this.now, RETENTION, DEAD_LETTER_RETENTION)).isGreaterThanOrEqualTo(3);

		assertThat(this.invocations.find(longDone.id())).isEmpty();
		assertThat(this.invocations.find(resultExpired.id()).map((found) -> found.state().result())).isEmpty();
		assertThat(this.invocations.find(resultExpired.id())).isPresent();
		assertThat(this.invocations.find(resultKept.id()).map((found) -> found.state().result())).contains("42");
		assertThat(this.invocations.find(longDead.id())).isEmpty();
		assertThat(this.invocations.find(recentlyDead.id())).isPresent();
		assertThat(this.invocations.find(waiting.id()).map((found) -> found.state().status()))
			.isEqualTo(Optional.of(InvocationStatus.QUEUED));
	}

	private static Invocation queued(Instant at) {
		return Invocation.queued("echo", null, "{\"text\":\"x\"}", CALLER, null, AsyncPolicy.defaults(), at);
	}

	private static Invocation succeeded(Instant at) {
		Invocation queued = queued(at);
		return queued.with(queued.state().started(null, at).succeeded("42", Duration.ofHours(1), at));
	}

	private static Invocation deadLettered(Instant at) {
		Invocation queued = queued(at);
		return queued.with(queued.state().started(null, at).deadLettered(DeadLetterReason.RETRIES_EXHAUSTED, null, at));
	}

}
