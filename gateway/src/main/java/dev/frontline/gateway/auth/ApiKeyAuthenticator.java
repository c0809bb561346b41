package dev.frontline.gateway.auth;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.frontline.contract.ApiKey;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.gateway.routing.SnapshotRouteLocator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Establishes callers from API keys, against the keys of the snapshot the gateway holds.
 * The keys are indexed by id once per snapshot, and keys that matched are remembered
 * until the next snapshot, which is when a revoked key stops working.
 */
final class ApiKeyAuthenticator {

	private static final int VERIFIED_KEYS = 10_000;

	private final SnapshotRouteLocator routes;

	private volatile Index index = new Index(null);

	ApiKeyAuthenticator(SnapshotRouteLocator routes) {
		this.routes = routes;
	}

	/**
	 * The caller the key stands for.
	 * @return the caller, or an {@link AuthenticationFailed} error
	 */
	Mono<Caller> authenticate(String presentedKey) {
		Caller caller = current().caller(presentedKey);
		return (caller != null) ? Mono.just(caller) : Mono.error(AuthenticationFailed.invalidApiKey());
	}

	private Index current() {
		ConfigSnapshot snapshot = this.routes.snapshot();
		Index current = this.index;
		if (current.snapshot != snapshot) {
			// Two requests may both rebuild it; either index is right.
			current = new Index(snapshot);
			this.index = current;
		}
		return current;
	}

	/**
	 * The keys of one snapshot, and the keys presented that matched one of them.
	 */
	private static final class Index {

		private final @Nullable ConfigSnapshot snapshot;

		private final Map<String, ApiKey> keys;

		private final Cache<String, Caller> verified = Caffeine.newBuilder().maximumSize(VERIFIED_KEYS).build();

		Index(@Nullable ConfigSnapshot snapshot) {
			this.snapshot = snapshot;
			this.keys = (snapshot != null)
					? snapshot.apiKeys().stream().collect(Collectors.toUnmodifiableMap(ApiKey::id, Function.identity()))
					: Map.of();
		}

		@Nullable Caller caller(String presentedKey) {
			Caller known = this.verified.getIfPresent(presentedKey);
			if (known != null) {
				return known;
			}
			ApiKey key = ApiKey.idOf(presentedKey).map(this.keys::get).orElse(null);
			if (key == null || !key.matches(presentedKey)) {
				return null;
			}
			Caller caller = Caller.of(key);
			this.verified.put(presentedKey, caller);
			return caller;
		}

	}

}
