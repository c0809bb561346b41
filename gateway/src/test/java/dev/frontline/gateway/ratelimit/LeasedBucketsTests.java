package dev.frontline.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class LeasedBucketsTests {

	private static final Limit LIMIT = new Limit(1000, 1000, Duration.ofSeconds(1));

	private static final Duration LEASE_TIME = Duration.ofMillis(100);

	private final AtomicLong clock = new AtomicLong(1_000_000_000L);

	private final ManualSource source = new ManualSource(1000);

	private final LeasedBuckets buckets = new LeasedBuckets(this.source, 100, LEASE_TIME, 1000, this.clock::get);

	@Test
	void aLoneRequestLeasesOneToken() {
		Mono<Decision> decision = consume();
		assertThat(this.source.asked).containsExactly(1L);
		this.source.completeAll();
		assertThat(decision.block().outcome()).isEqualTo(Decision.Outcome.ALLOWED);
		assertThat(this.source.left).isEqualTo(999);
	}

	@Test
	void requestsThatFindNoTokenShareOneFetchAndTheLeftOverAskAgain() {
		List<Mono<Decision>> decisions = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			decisions.add(consume());
		}
		assertThat(this.source.asked).containsExactly(1L);
		this.source.completeAll();
		// The two that queued up behind the first fetch get one of their own.
		assertThat(this.source.asked).containsExactly(1L, 3L);
		this.source.completeAll();
		assertThat(decisions)
			.allSatisfy((decision) -> assertThat(decision.block().outcome()).isEqualTo(Decision.Outcome.ALLOWED));
	}

	@Test
	void decidesBusyBucketsFromTokensInHandAndFetchesTheNextLeaseAhead() {
		ManualSource large = new ManualSource(1_000_000);
		large.completeAtOnce = true;
		LeasedBuckets buckets = new LeasedBuckets(large, 100, LEASE_TIME, 1000, this.clock::get);
		int allowed = 0;
		for (int i = 0; i < 5000; i++) {
			this.clock.addAndGet(Duration.ofMillis(1).toNanos() / 10);
			Decision decision = buckets.tryConsume("k", LIMIT, LeasedBucketsTests::failClosed).block();
			allowed += (decision.outcome() == Decision.Outcome.ALLOWED) ? 1 : 0;
		}
		assertThat(allowed).isEqualTo(5000);
		// 5000 requests in half a second, 1000 a lease time: leases of the cap of 100.
		assertThat(large.asked).hasSizeLessThan(5000 / 100 + 15);
		assertThat(large.asked.subList(15, large.asked.size())).containsOnly(100L);
	}

	@Test
	void refusesTheLeftOverWhenTheSharedBucketRunsOutAndUntilItsNextTokenIsDue() {
		ManualSource small = new ManualSource(2);
		LeasedBuckets buckets = new LeasedBuckets(small, 100, LEASE_TIME, 1000, this.clock::get);
		List<Mono<Decision>> decisions = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			decisions.add(buckets.tryConsume("k", LIMIT, LeasedBucketsTests::failClosed));
		}
		small.completeAll();
		small.completeAll();
		assertThat(decisions).extracting((decision) -> decision.block().outcome())
			.containsExactly(Decision.Outcome.ALLOWED, Decision.Outcome.ALLOWED, Decision.Outcome.REJECTED,
					Decision.Outcome.REJECTED);
		int asked = small.asked.size();
		Decision refused = buckets.tryConsume("k", LIMIT, LeasedBucketsTests::failClosed).block();
		assertThat(refused.outcome()).isEqualTo(Decision.Outcome.REJECTED);
		assertThat(refused.nanosToRefill()).isEqualTo(ManualSource.NANOS_TO_NEXT);
		assertThat(small.asked).hasSize(asked);
		this.clock.addAndGet(ManualSource.NANOS_TO_NEXT);
		buckets.tryConsume("k", LIMIT, LeasedBucketsTests::failClosed);
		assertThat(small.asked).hasSize(asked + 1);
	}

	@Test
	void dropsTokensLeftUnspentForALeaseTime() {
		this.source.completeAtOnce = true;
		for (int i = 0; i < 10; i++) {
			consume().block();
		}
		int asked = this.source.asked.size();
		this.clock.addAndGet(LEASE_TIME.toNanos());
		consume().block();
		// The tokens in hand have expired, so a new lease was needed.
		assertThat(this.source.asked).hasSize(asked + 1);
	}

	@Test
	void decidesWaitingRequestsByTheFailurePolicyWhenTheSharedBucketCannotBeReached() {
		Mono<Decision> decision = consume();
		this.source.failAll();
		assertThat(decision.block()).isEqualTo(Decision.UNAVAILABLE);
	}

	@Test
	void gatewaysSharingABucketNeverSpendMoreThanItGrantsNorStrandMoreThanTheirLeases() {
		ManualSource shared = new ManualSource(500);
		shared.completeAtOnce = false;
		List<LeasedBuckets> gateways = List.of(new LeasedBuckets(shared, 20, LEASE_TIME, 1000, this.clock::get),
				new LeasedBuckets(shared, 20, LEASE_TIME, 1000, this.clock::get),
				new LeasedBuckets(shared, 20, LEASE_TIME, 1000, this.clock::get));
		List<Mono<Decision>> decisions = new ArrayList<>();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 2000; i++) {
			this.clock.addAndGet(Duration.ofMillis(1).toNanos() / 20);
			decisions.add(gateways.get(random.nextInt(3)).tryConsume("k", LIMIT, LeasedBucketsTests::failClosed));
			if (random.nextInt(4) == 0) {
				shared.completeAll();
			}
		}
		while (!shared.pending.isEmpty()) {
			shared.completeAll();
		}
		long allowed = decisions.stream()
			.filter((decision) -> decision.block().outcome() == Decision.Outcome.ALLOWED)
			.count();
		assertThat(allowed).isLessThanOrEqualTo(500).isGreaterThan(500 - 3 * 20);
	}

	private Mono<Decision> consume() {
		return this.buckets.tryConsume("k", LIMIT, LeasedBucketsTests::failClosed);
	}

	private static Decision failClosed(String key, Limit limit) {
		return Decision.UNAVAILABLE;
	}

	/**
	 * A bucket that never refills, answering when told to.
	 */
	private static final class ManualSource implements TokenSource {

		static final long NANOS_TO_NEXT = Duration.ofMillis(7).toNanos();

		final List<Long> asked = new ArrayList<>();

		final List<Runnable> pending = new ArrayList<>();

		final List<CompletableFuture<Grant>> unanswered = new ArrayList<>();

		long left;

		boolean completeAtOnce;

		ManualSource(long tokens) {
			this.left = tokens;
		}

		@Override
		public CompletionStage<Grant> take(String key, Limit limit, long tokens) {
			this.asked.add(tokens);
			CompletableFuture<Grant> grant = new CompletableFuture<>();
			Runnable answer = () -> {
				long granted = Math.min(tokens, this.left);
				this.left -= granted;
				grant.complete(new Grant(granted, this.left, (this.left == 0) ? NANOS_TO_NEXT : 0, 0));
			};
			if (this.completeAtOnce) {
				answer.run();
			}
			else {
				this.pending.add(answer);
				this.unanswered.add(grant);
			}
			return grant;
		}

		void completeAll() {
			List<Runnable> answers = new ArrayList<>(this.pending);
			this.pending.clear();
			this.unanswered.clear();
			answers.forEach(Runnable::run);
		}

		void failAll() {
			List<CompletableFuture<Grant>> failing = new ArrayList<>(this.unanswered);
			this.pending.clear();
			this.unanswered.clear();
			failing.forEach((grant) -> grant.completeExceptionally(new IllegalStateException("unreachable")));
		}

	}

}
