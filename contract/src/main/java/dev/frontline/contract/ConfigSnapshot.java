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
 */
@Consistent
public record ConfigSnapshot(@PositiveOrZero @JsonSetter(nulls = Nulls.AS_EMPTY) long version,
		@NotNull Instant createdAt, @NotBlank String createdBy, @NotBlank String hash,
		@NotNull List<@NotNull @Valid RouteRule> routes) implements SelfChecking {

	public ConfigSnapshot {
		routes = (routes != null) ? List.copyOf(routes) : List.of();
	}

	/**
	 * Creates a snapshot whose hash is computed from its routes.
	 */
	public static ConfigSnapshot of(long version, Instant createdAt, String createdBy, List<RouteRule> routes) {
		return new ConfigSnapshot(version, createdAt, createdBy, contentHash(routes), routes);
	}

	/**
	 * The {@code sha256:} hash of the canonical JSON of the given routes. Two snapshots
	 * with equal routes have equal hashes, whatever their version.
	 */
	public static String contentHash(List<RouteRule> routes) {
		byte[] json = ConfigJson.canonicalBytes(routes);
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
		return new ConfigSnapshot(version, createdAt, createdBy, this.hash, this.routes);
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
		if (this.hash != null && !this.hash.isBlank() && !this.hash.equals(contentHash(this.routes))) {
			problems.add("hash", "does not match the content of the routes");
		}
	}

}
