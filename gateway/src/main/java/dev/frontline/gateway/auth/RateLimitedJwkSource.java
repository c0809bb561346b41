package dev.frontline.gateway.auth;

import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The keys of a remote JWK set, for verifying tokens. Fetched keys are used until the
 * refresh interval passes. A token whose key id is not among them makes the set be
 * fetched again, since the issuer may have rotated its keys; but at most one fetch starts
 * per minimum interval, and requests in that interval share its outcome, so that tokens
 * with made-up key ids cannot flood the issuer. When a fetch fails, the keys held are
 * used on.
 * <p>
 * Spring Security's own reactive JWK source refetches for every unknown key id, without a
 * limit; hence this one.
 */
final class RateLimitedJwkSource implements Function<SignedJWT, Flux<JWK>> {

	private static final Log logger = LogFactory.getLog(RateLimitedJwkSource.class);

	private final WebClient client;

	private final URI uri;

	private final Set<JWSAlgorithm> algorithms;

	private final AuthProperties.JwkSet settings;

	private final LongSupplier nanoTime;

	private volatile @Nullable Keys keys;

	private final AtomicReference<@Nullable Fetch> lastFetch = new AtomicReference<>();

	RateLimitedJwkSource(WebClient client, URI uri, Set<JWSAlgorithm> algorithms, AuthProperties.JwkSet settings) {
		this(client, uri, algorithms, settings, System::nanoTime);
	}

	RateLimitedJwkSource(WebClient client, URI uri, Set<JWSAlgorithm> algorithms, AuthProperties.JwkSet settings,
			LongSupplier nanoTime) {
		this.client = client;
		this.uri = uri;
		this.algorithms = Set.copyOf(algorithms);
		this.settings = settings;
		this.nanoTime = nanoTime;
	}

	@Override
	public Flux<JWK> apply(SignedJWT jwt) {
		JWSHeader header = jwt.getHeader();
		if (!this.algorithms.contains(header.getAlgorithm())) {
			// No key would be accepted for it anyway: nothing to fetch.
			return Flux.empty();
		}
		JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
		Keys held = this.keys;
		if (held != null && !held.olderThan(this.settings.refreshInterval().toNanos(), this.nanoTime.getAsLong())) {
			List<JWK> found = selector.select(held.set());
			if (!found.isEmpty() || header.getKeyID() == null) {
				return Flux.fromIterable(found);
			}
		}
		return fetch().onErrorResume((ex) -> (held != null) ? Mono.just(held) : Mono.error(ex))
			.flatMapIterable((current) -> selector.select(current.set()));
	}

	/**
	 * The outcome of a fetch started less than the minimum interval ago, or of a new
	 * fetch.
	 */
	private Mono<Keys> fetch() {
		long now = this.nanoTime.getAsLong();
		Fetch last = this.lastFetch.get();
		if (last != null && now - last.startedAt() < this.settings.minRefetchInterval().toNanos()) {
			return last.outcome();
		}
		CompletableFuture<Keys> outcome = new CompletableFuture<>();
		// Requests that give up waiting must not cancel the fetch for the others.
		Fetch next = new Fetch(now, Mono.fromFuture(outcome, true));
		if (!this.lastFetch.compareAndSet(last, next)) {
			Fetch winner = this.lastFetch.get();
			return (winner != null) ? winner.outcome() : next.outcome();
		}
		load().subscribe((keys) -> {
			this.keys = keys;
			outcome.complete(keys);
		}, (ex) -> {
			logger.warn("Could not fetch the JWK set from " + this.uri + ": " + ex);
			outcome.completeExceptionally(new JwkSetUnavailable("The JWK set could not be fetched"));
		});
		return next.outcome();
	}

	private Mono<Keys> load() {
		return this.client.get()
			.uri(this.uri)
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.bodyToMono(String.class)
			.timeout(this.settings.timeout())
			.map(this::parse);
	}

	private Keys parse(String json) {
		try {
			JWKSet set = JWKSet.parse(json);
			if (logger.isDebugEnabled()) {
				logger.debug("Fetched " + set.getKeys().size() + " keys from " + this.uri);
			}
			return new Keys(set, this.nanoTime.getAsLong());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("the JWK set is not valid: " + ex.getMessage(), ex);
		}
	}

	/** The keys of one fetch, and when they were fetched. */
	private record Keys(JWKSet set, long fetchedAt) {

		boolean olderThan(long nanos, long now) {
			return now - this.fetchedAt >= nanos;
		}

	}

	/** A fetch, and when it started. */
	private record Fetch(long startedAt, Mono<Keys> outcome) {

	}

}
