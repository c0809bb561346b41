package dev.frontline.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, versioned set of route rules. The control plane publishes one per change;
 * the data plane applies a whole snapshot or none of it.
 *
 * @param version monotonic version, starting at 1 for the first published snapshot
 * @param createdAt when the snapshot was published
 * @param createdBy who published it (a user name, or {@code system})
 * @param hash {@code sha256:} hash of the canonical JSON of the routes
 * @param routes every route rule, in any order (the data plane sorts by
 * {@link RouteRule#order()})
 * @param apiKeys every API key that is not revoked, as hashes
 * @param defaultRateLimit the rate limit of routes that name none; {@code null} for none
 */
@Consistent
public record ConfigSnapshot(@PositiveOrZero @JsonSetter(nulls = Nulls.AS_EMPTY) long version,
		@NotNull Instant createdAt, @NotBlank String createdBy, @NotBlank String hash,
		@NotNull List<@NotNull @Valid RouteRule> routes, @NotNull List<@NotNull @Valid ApiKey> apiKeys,
		@Nullable @Valid RateLimitPolicy defaultRateLimit) implements SelfChecking {

	public ConfigSnapshot {
		routes = (routes != null) ? List.copyOf(routes) : List.of();
		apiKeys = (apiKeys != null) ? List.copyOf(apiKeys) : List.of();
	}

	/**
	 * A snapshot without a default rate limit.
	 */
	public ConfigSnapshot(long version, Instant createdAt, String createdBy, String hash, List<RouteRule> routes,
			List<ApiKey> apiKeys) {
		this(version, createdAt, createdBy, hash, routes, apiKeys, null);
	}

	/**
	 * A snapshot without API keys.
	 */
	public ConfigSnapshot(long version, Instant createdAt, String createdBy, String hash, List<RouteRule> routes) {
		this(version, createdAt, createdBy, hash, routes, List.of(), null);
	}

	/**
	 * Creates a snapshot without API keys whose hash is computed from its routes.
	 */
	public static ConfigSnapshot of(long version, Instant createdAt, String createdBy, List<RouteRule> routes) {
		return of(version, createdAt, createdBy, routes, List.of());
	}

	/**
	 * Creates a snapshot whose hash is computed from its content.
	 */
	public static ConfigSnapshot of(long version, Instant createdAt, String createdBy, List<RouteRule> routes,
			List<ApiKey> apiKeys) {
		return of(version, createdAt, createdBy, routes, apiKeys, null);
	}

	/**
	 * Creates a snapshot whose hash is computed from its content.
	 */
	public static ConfigSnapshot of(long version, Instant createdAt, String createdBy, List<RouteRule> routes,
			List<ApiKey> apiKeys, @Nullable RateLimitPolicy defaultRateLimit) {
		return new ConfigSnapshot(version, createdAt, createdBy, contentHash(routes, apiKeys, defaultRateLimit), routes,
				apiKeys, defaultRateLimit);
	}

	/**
	 * The {@code sha256:} hash of the canonical JSON of the given routes, for a snapshot
	 * without API keys.
	 */
	public static String contentHash(List<RouteRule> routes) {
		return contentHash(routes, List.of());
	}

	/**
	 * The {@code sha256:} hash of the canonical JSON of the given content. Two snapshots
	 * with equal content have equal hashes, whatever their version.
	 */
	public static String contentHash(List<RouteRule> routes, List<ApiKey> apiKeys) {
		return contentHash(routes, apiKeys, null);
	}

	/**
	 * The {@code sha256:} hash of the canonical JSON of the given content. Content
	 * without keys or a default rate limit hashes as its routes alone, so hashes
	 * published before those existed stay valid.
	 */
	public static String contentHash(List<RouteRule> routes, List<ApiKey> apiKeys,
			@Nullable RateLimitPolicy defaultRateLimit) {
		byte[] json;
		if (defaultRateLimit != null) {
			json = ConfigJson.canonicalBytes(new Object[] { routes, apiKeys, defaultRateLimit });
		}
		else if (!apiKeys.isEmpty()) {
			json = ConfigJson.canonicalBytes(new Object[] { routes, apiKeys });
		}
		else {
			json = ConfigJson.canonicalBytes(routes);
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
			return "sha256:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * The rule with the given id, if there is one.
	 */
	public Optional<RouteRule> route(String id) {
		return this.routes.stream().filter((route) -> route.id().equals(id)).findFirst();
	}

	/**
	 * A new snapshot with the same routes under another version.
	 */
	public ConfigSnapshot withVersion(long version, Instant createdAt, String createdBy) {
		return new ConfigSnapshot(version, createdAt, createdBy, this.hash, this.routes, this.apiKeys,
				this.defaultRateLimit);
	}

	/**
	 * The API key with the given id, if there is one.
	 */
	public Optional<ApiKey> apiKey(String id) {
		return this.apiKeys.stream().filter((key) -> key.id().equals(id)).findFirst();
	}

	@Override
	public void checkConsistency(Problems problems) {
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < this.routes.size(); i++) {
			RouteRule route = this.routes.get(i);
			if (route == null || route.id() == null) {
				continue;
			}
			Integer first = seen.putIfAbsent(route.id(), i);
			if (first != null) {
				problems.add("routes[" + i + "].id",
						"duplicate route id '" + route.id() + "' (also at routes[" + first + "])");
			}
		}
		Map<String, Integer> keyIds = new HashMap<>();
		for (int i = 0; i < this.apiKeys.size(); i++) {
			ApiKey key = this.apiKeys.get(i);
			if (key != null && key.id() != null && keyIds.putIfAbsent(key.id(), i) != null) {
				problems.add("apiKeys[" + i + "].id", "duplicate API key id '" + key.id() + "'");
			}
		}
		if (this.hash != null && !this.hash.isBlank()
				&& !this.hash.equals(contentHash(this.routes, this.apiKeys, this.defaultRateLimit))) {
			problems.add("hash", "does not match the content of the routes");
		}
	}

}
