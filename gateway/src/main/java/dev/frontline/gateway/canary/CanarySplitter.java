package dev.frontline.gateway.canary;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.frontline.contract.CanaryTarget;
import dev.frontline.contract.Variant;
import dev.frontline.gateway.ratelimit.ClientAddresses;

import org.springframework.cloud.gateway.filter.GatewayFilter;

/**
 * Splits the requests of routes with a canary between their stable and canary targets. A
 * caller goes to the canary when the hash (32-bit Murmur3) of the route id and the
 * caller's sticky identity falls in the first {@code weight × 100} of 10,000 buckets. So
 * one caller stays on one side for as long as the weight stays, and a higher weight only
 * moves callers from the stable side to the canary, never back; each route splits its
 * callers independently of the others.
 */
public final class CanarySplitter {

	/** The number of buckets a weight of 100 % covers. */
	static final int BUCKETS = 10_000;

	private final CanaryProperties properties;

	private final StickyIdentities identities;

	/**
	 * Creates a splitter.
	 * @param properties the names of the override, sticky and variant headers and cookies
	 * @param trustedProxies addresses or CIDR blocks of the proxies whose
	 * {@code X-Forwarded-For} names the client, whose address identifies a caller that
	 * has neither a user nor the sticky cookie
	 */
	public CanarySplitter(CanaryProperties properties, List<String> trustedProxies) {
		this.properties = properties;
		this.identities = new StickyIdentities(new ClientAddresses(trustedProxies), properties.stickyCookie());
	}

	/**
	 * The filter that splits the requests of a route. It chooses the side of each request
	 * after authentication and puts it in {@link CanaryAttributes#VARIANT}; the route's
	 * forwarding sends the request to that side's target.
	 * @param routeId the id of the route
	 * @param canary the canary target of the route
	 * @return a filter for the route
	 */
	public GatewayFilter split(String routeId, CanaryTarget canary) {
		return new CanarySplit(routeId, canary, this.identities, this.properties);
	}

	/**
	 * The side of a caller with the given identity on a route split at the given weight.
	 */
	static Variant assign(String routeId, String identity, int weight) {
		if (weight <= 0) {
			return Variant.STABLE;
		}
		if (weight >= 100) {
			return Variant.CANARY;
		}
		return (bucketOf(routeId, identity) < weight * (BUCKETS / 100)) ? Variant.CANARY : Variant.STABLE;
	}

	/**
	 * A side drawn at random by the given weight, for routes that keep nobody on a side.
	 */
	static Variant draw(int weight) {
		if (weight <= 0) {
			return Variant.STABLE;
		}
		if (weight >= 100) {
			return Variant.CANARY;
		}
		return (ThreadLocalRandom.current().nextInt(BUCKETS) < weight * (BUCKETS / 100)) ? Variant.CANARY
				: Variant.STABLE;
	}

	/**
	 * The bucket, 0 to 9,999, of an identity on a route.
	 */
	static int bucketOf(String routeId, String identity) {
		int hash = murmur3((routeId + '\n' + identity).getBytes(StandardCharsets.UTF_8));
		return (int) (Integer.toUnsignedLong(hash) % BUCKETS);
	}

	/**
	 * MurmurHash3 x86 32-bit with seed 0, as other platforms implement it, so that an
	 * assignment can be reproduced outside the gateway.
	 */
	static int murmur3(byte[] data) {
		int c1 = 0xcc9e2d51;
		int c2 = 0x1b873593;
		int hash = 0;
		int whole = data.length & ~3;
		for (int i = 0; i < whole; i += 4) {
			int k = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16
					| (data[i + 3] & 0xff) << 24;
			k *= c1;
			k = Integer.rotateLeft(k, 15);
			k *= c2;
			hash ^= k;
			hash = Integer.rotateLeft(hash, 13);
			hash = hash * 5 + 0xe6546b64;
		}
		int rest = data.length & 3;
		if (rest > 0) {
			int k = 0;
			if (rest == 3) {
				k ^= (data[whole + 2] & 0xff) << 16;
			}
			if (rest >= 2) {
				k ^= (data[whole + 1] & 0xff) << 8;
			}
			k ^= data[whole] & 0xff;
			k *= c1;
			k = Integer.rotateLeft(k, 15);
			k *= c2;
			hash ^= k;
		}
		hash ^= data.length;
		hash ^= hash >>> 16;
		hash *= 0x85ebca6b;
		hash ^= hash >>> 13;
		hash *= 0xc2b2ae35;
		hash ^= hash >>> 16;
		return hash;
	}

}
