package dev.frontline.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RateLimitPolicy;
import dev.frontline.contract.RateLimitPolicy.KeyType;
import dev.frontline.contract.RouteRule;
import dev.frontline.gateway.auth.Caller;
import dev.frontline.gateway.routing.SnapshotRouteLocator;
import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * Which bucket a request draws from: the policy of its route (else the snapshot's
 * default), the caller's key under that policy, and the limit of the caller's client.
 */
final class RequestBuckets {

	/** Header values longer than this are kept by their digest. */
	static final int MAX_PLAIN_KEY = 128;

	private final SnapshotRouteLocator routes;

	private final ClientAddresses addresses;

	RequestBuckets(SnapshotRouteLocator routes, ClientAddresses addresses) {
		this.routes = routes;
		this.addresses = addresses;
	}

	/**
	 * The bucket of the request on the given route.
	 * @return the bucket, or {@code null} if the route is not limited
	 */
	@Nullable RequestBucket of(ServerWebExchange exchange, String routeId) {
		RateLimitPolicy policy = policy(routeId);
		if (policy == null) {
			return null;
		}
		Caller caller = exchange.getAttribute(Caller.ATTRIBUTE);
		if (caller == null) {
			caller = Caller.ANONYMOUS;
		}
		Limit limit = Limit.of(policy, caller.clientId());
		String key = key(exchange, policy, caller);
		return new RequestBucket(routeId + "|" + key + "|" + limit.fingerprint(), routeId, keyName(policy.key()),
				limit);
	}

	private @Nullable RateLimitPolicy policy(String routeId) {
		RouteRule rule = this.routes.rule(routeId);
		if (rule != null && rule.rateLimit() != null) {
			return rule.rateLimit();
		}
		ConfigSnapshot snapshot = this.routes.snapshot();
		return (snapshot != null) ? snapshot.defaultRateLimit() : null;
	}

	/**
	 * {@code keyType|key}. A caller without the key the policy asks for is counted by
	 * address, under the key type {@code client-ip}, so that it cannot share a bucket
	 * with a user or client of the same name.
	 */
	private String key(ServerWebExchange exchange, RateLimitPolicy policy, Caller caller) {
		String key = switch (policy.key()) {
			case USER -> (caller.method() != Caller.Method.ANONYMOUS) ? caller.subject() : null;
			case API_KEY -> caller.clientId();
			case HEADER -> headerValue(exchange, policy.header());
			case CLIENT_IP -> null;
		};
		if (key == null) {
			return keyName(KeyType.CLIENT_IP) + "|" + this.addresses.of(exchange.getRequest());
		}
		return keyName(policy.key()) + "|" + key;
	}

	private static @Nullable String headerValue(ServerWebExchange exchange, @Nullable String header) {
		if (header == null) {
			return null;
		}
		String value = exchange.getRequest().getHeaders().getFirst(header);
		if (value == null || value.isBlank()) {
			return null;
		}
		value = value.strip();
		// Long values by their digest: up to max-buckets of them are held in memory.
		return (value.length() <= MAX_PLAIN_KEY) ? value : "sha256:" + digest(value);
	}

	private static String digest(String value) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing", ex);
		}
	}

	static String keyName(KeyType type) {
		return switch (type) {
			case USER -> "user";
			case API_KEY -> "api-key";
			case CLIENT_IP -> "client-ip";
			case HEADER -> "header";
		};
	}

	/**
	 * The bucket of one request.
	 *
	 * @param key the bucket key: {@code route|keyType|key|fingerprint}
	 * @param routeId the route
	 * @param keyType the key type of the policy, for metrics
	 * @param limit the limit for the caller
	 */
	record RequestBucket(String key, String routeId, String keyType, Limit limit) {

	}

}
