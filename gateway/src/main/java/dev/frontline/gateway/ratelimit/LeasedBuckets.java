package dev.frontline.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Shared buckets used through leases: a gateway takes tokens from the shared bucket a
 * batch at a time and spends them locally, so that a busy bucket costs one exchange with
 * the shared store per lease instead of one per request, and a request that finds a token
 * in hand is decided at once, on the calling thread.
 * <p>
 * A lease is sized to the bucket's recent traffic on this gateway over one
 * {@code leaseTime}, at most {@code leaseTokens} and the bucket's burst, and the next
 * lease is fetched in the background once half of the current one is spent. Requests that
 * find no token wait for the lease being fetched; when the shared bucket grants fewer
 * tokens than asked, it is empty, and the requests left over are refused, as are all
 * requests until the time the store says its next token is due.
 * <p>
 * Accuracy: tokens are taken from the shared bucket before they are spent, so gateways
 * never spend a token the bucket has not granted. Tokens of a lease left unspent for
 * {@code leaseTime} are dropped, so over any interval the gateways together admit at most
 * the exact limit plus the tokens they held unspent at its start: fewer than
 * {@code G × leaseTokens} with {@code G} gateways. A gateway holding unspent tokens may
 * meanwhile make another wait, by at most the same number of tokens.
 */
final class LeasedBuckets {

	private final TokenSource source;

	private final long leaseTokens;

	private final long leaseNanos;

	private final LongSupplier clock;

	private final Cache<String, Lease> leases;

	/**
	 * @param source the shared buckets
	 * @param leaseTokens the most tokens taken at once from one bucket
	 * @param leaseTime how much traffic a lease is sized for, and how long its tokens
	 * last
	 * @param maxBuckets the most buckets tracked at once
	 * @param clock the time in nanoseconds, like {@link System#nanoTime()}
	 */
	LeasedBuckets(TokenSource source, long leaseTokens, Duration leaseTime, int maxBuckets, LongSupplier clock) {
		this.source = source;
		this.leaseTokens = leaseTokens;
		this.leaseNanos = leaseTime.toNanos();
		this.clock = clock;
		this.leases = Caffeine.newBuilder()
			.maximumSize(maxBuckets)
			.expireAfterAccess(leaseTime.multipliedBy(2).plusMinutes(1))
			.build();
	}

	/**
	 * Takes a token for a request.
	 * @param key the bucket key
	 * @param limit the limit of the bucket
	 * @param degraded the decision for requests whose lease could not be fetched
	 * @return the decision, at once when a token is in hand or the bucket is known to be
	 * empty; otherwise once a lease is fetched
	 */
	Mono<Decision> tryConsume(String key, Limit limit, BiFunction<String, Limit, Decision> degraded) {
		Lease lease = this.leases.get(key, (ignored) -> new Lease());
		Decision decision;
		Sinks.One<Decision> waiter = null;
		long fetch;
		synchronized (lease) {
			long now = this.clock.getAsLong();
			lease.dropExpired(now);
			lease.count(now);
			if (lease.tokens > 0) {
				lease.tokens--;
				decision = lease.allowed(now);
				fetch = lease.prefetchDue(now) ? lease.startFetch(0, cap(limit)) : 0;
			}
			else if (now - lease.emptyUntil < 0) {
				decision = lease.rejected(now);
				fetch = 0;
			}
			else {
				decision = null;
				waiter = Sinks.one();
				lease.waiting.add(waiter);
				fetch = lease.fetching ? 0 : lease.startFetch(lease.waiting.size(), cap(limit));
			}
		}
		if (fetch > 0) {
			fetch(key, limit, lease, fetch, degraded);
		}
		return (decision != null) ? Mono.just(decision) : waiter.asMono();
	}

	private long cap(Limit limit) {
		return Math.max(1, Math.min(this.leaseTokens, limit.burst()));
	}

	private void fetch(String key, Limit limit, Lease lease, long tokens,
			BiFunction<String, Limit, Decision> degraded) {
		CompletionStage<TokenSource.Grant> grant;
		try {
			grant = this.source.take(key, limit, tokens);
		}
		catch (RuntimeException ex) {
			failed(key, limit, lease, degraded);
			return;
		}
		grant.whenComplete((granted, ex) -> {
			if (ex != null || granted == null) {
				failed(key, limit, lease, degraded);
			}
			else {
				granted(key, limit, lease, tokens, granted, degraded);
			}
		});
	}

	private void granted(String key, Limit limit, Lease lease, long asked, TokenSource.Grant grant,
			BiFunction<String, Limit, Decision> degraded) {
		List<Sinks.One<Decision>> allowed = new ArrayList<>();
		List<Sinks.One<Decision>> rejected = new ArrayList<>();
		Decision allowedDecision;
		Decision rejectedDecision;
		long next;
		synchronized (lease) {
			long now = this.clock.getAsLong();
			lease.fetching = false;
			lease.dropExpired(now);
			lease.tokens += grant.granted();
			lease.granted = lease.tokens;
			lease.expiresAt = now + this.leaseNanos;
			lease.sharedRemaining = grant.remaining();
			lease.resetAt = now + grant.nanosToReset();
			boolean empty = grant.granted() < asked;
			if (empty) {
				lease.emptyUntil = now + Math.max(1, grant.nanosToNext());
			}
			while (lease.tokens > 0 && !lease.waiting.isEmpty()) {
				lease.tokens--;
				allowed.add(lease.waiting.poll());
			}
			allowedDecision = lease.allowed(now);
			if (empty) {
				rejected.addAll(lease.waiting);
				lease.waiting.clear();
			}
			rejectedDecision = lease.rejected(now);
			// Requests that queued up while this lease was on its way need another.
			next = (!lease.waiting.isEmpty()) ? lease.startFetch(lease.waiting.size(), cap(limit)) : 0;
		}
		allowed.forEach((sink) -> sink.tryEmitValue(allowedDecision));
		rejected.forEach((sink) -> sink.tryEmitValue(rejectedDecision));
		if (next > 0) {
			fetch(key, limit, lease, next, degraded);
		}
	}

	private void failed(String key, Limit limit, Lease lease, BiFunction<String, Limit, Decision> degraded) {
		List<Sinks.One<Decision>> waiting;
		synchronized (lease) {
			lease.fetching = false;
			waiting = new ArrayList<>(lease.waiting);
			lease.waiting.clear();
		}
		for (Sinks.One<Decision> sink : waiting) {
			sink.tryEmitValue(degraded.apply(key, limit));
		}
	}

	/**
	 * The state of one bucket on this gateway; guarded by its own monitor, held only for
	 * a few field updates.
	 */
	private final class Lease {

		/** Tokens in hand. */
		long tokens;

		/** Tokens in hand right after the last grant, to tell when half are spent. */
		long granted;

		/** When the tokens in hand are dropped. */
		long expiresAt;

		/** Until when the shared bucket is known to hold no token. */
		long emptyUntil = LeasedBuckets.this.clock.getAsLong();

		/** What the shared bucket held after the last grant, for the headers. */
		long sharedRemaining;

		/** When the shared bucket is full again, as of the last grant. */
		long resetAt;

		/** When the current lease time of counting requests started. */
		long windowStart = LeasedBuckets.this.clock.getAsLong();

		/** Requests in the current lease time. */
		long windowCount;

		/** Requests in the previous lease time, if it just ended. */
		long previousCount;

		boolean fetching;

		final ArrayDeque<Sinks.One<Decision>> waiting = new ArrayDeque<>();

		void dropExpired(long now) {
			if (this.tokens > 0 && now - this.expiresAt >= 0) {
				this.tokens = 0;
			}
		}

		/**
		 * Counts a request in the traffic of the current lease time.
		 */
		void count(long now) {
			long leaseNanos = LeasedBuckets.this.leaseNanos;
			if (now - this.windowStart >= leaseNanos) {
				this.previousCount = (now - this.windowStart < 2 * leaseNanos) ? this.windowCount : 0;
				this.windowCount = 0;
				this.windowStart = now;
			}
			this.windowCount++;
		}

		/**
		 * The requests expected in one lease time: those of the last full lease time or
		 * of the current one, whichever is more.
		 */
		long expected() {
			return Math.max(this.previousCount, this.windowCount);
		}

		/**
		 * Marks a fetch as started and says how many tokens to ask for: enough for the
		 * requests waiting, or for one lease time of the recent traffic if that is more
		 * than one request (a lone request leases no token that nobody would spend),
		 * within the cap.
		 */
		long startFetch(long waiters, long cap) {
			this.fetching = true;
			long expected = expected();
			return Math.max(1, Math.min(cap, Math.max(waiters, (expected >= 2) ? expected : 0)));
		}

		/**
		 * Whether the next lease should be fetched before the tokens in hand run out:
		 * when half of them are spent and the traffic is dense enough to spend more than
		 * one token within a lease time.
		 */
		boolean prefetchDue(long now) {
			return !this.fetching && this.tokens * 2 < this.granted && expected() >= 2 && now - this.emptyUntil >= 0;
		}

		Decision allowed(long now) {
			return new Decision(Decision.Outcome.ALLOWED, this.tokens + this.sharedRemaining, 0,
					Math.max(0, this.resetAt - now), false);
		}

		Decision rejected(long now) {
			return new Decision(Decision.Outcome.REJECTED, 0, Math.max(1, this.emptyUntil - now),
					Math.max(0, this.resetAt - now), false);
		}

	}

}
