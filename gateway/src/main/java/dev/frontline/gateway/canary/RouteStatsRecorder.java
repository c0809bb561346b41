package dev.frontline.gateway.canary;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import dev.frontline.contract.LatencyHistogram;
import dev.frontline.contract.RouteStats;
import dev.frontline.contract.Variant;
import org.jspecify.annotations.Nullable;

/**
 * Counts the answers of each route and variant, by status class and latency bucket, for
 * the reports to the control plane. Recording takes no lock: each count is an adder.
 * <p>
 * A drain that runs while requests are recorded may see a request's status before its
 * latency, or the other way round; the other half then goes into the next drain, so no
 * count is ever lost or counted twice.
 */
public final class RouteStatsRecorder {

	private static final Variant[] VARIANTS = Variant.values();

	/** Entries stay once created: there are as many as routes that ever served. */
	private final ConcurrentMap<String, Counters[]> routes = new ConcurrentHashMap<>();

	/**
	 * Counts one answer.
	 * @param routeId the route that matched the request
	 * @param variant the side that served it
	 * @param status the status of the answer
	 * @param latencyMillis the time from receiving the request to answering it
	 */
	void record(String routeId, Variant variant, int status, long latencyMillis) {
		Counters counters = countersOf(routeId, variant);
		counters.statuses[statusClass(status)].increment();
		counters.latency[LatencyHistogram.bucketOf(latencyMillis)].increment();
	}

	/**
	 * What was counted since the previous drain, for each route and variant that served a
	 * request since; the counts start again from zero.
	 * @return the counts, one entry per route and variant with any
	 */
	public List<RouteStats> drain() {
		List<RouteStats> drained = new ArrayList<>();
		this.routes.forEach((routeId, byVariant) -> {
			for (Variant variant : VARIANTS) {
				RouteStats stats = byVariant[variant.ordinal()].drain(routeId, variant);
				if (stats != null) {
					drained.add(stats);
				}
			}
		});
		return drained;
	}

	/**
	 * Counts again what a drain returned and could not be delivered, so that the next
	 * drain returns it along with what was counted since.
	 * @param stats counts returned by {@link #drain()}
	 */
	public void restore(List<RouteStats> stats) {
		for (RouteStats entry : stats) {
			Counters counters = countersOf(entry.route(), entry.variant());
			counters.statuses[0].add(entry.status2xx());
			counters.statuses[1].add(entry.status4xx());
			counters.statuses[2].add(entry.status5xx());
			List<Long> latency = entry.latency().counts();
			for (int i = 0; i < latency.size(); i++) {
				counters.latency[i].add(latency.get(i));
			}
		}
	}

	private Counters countersOf(String routeId, Variant variant) {
		Counters[] byVariant = this.routes.get(routeId);
		if (byVariant == null) {
			byVariant = this.routes.computeIfAbsent(routeId, (id) -> {
				Counters[] created = new Counters[VARIANTS.length];
				for (int i = 0; i < created.length; i++) {
					created[i] = new Counters();
				}
				return created;
			});
		}
		return byVariant[variant.ordinal()];
	}

	/**
	 * 0 for 1xx to 3xx, 1 for 4xx, 2 for 5xx, as {@link RouteStats} counts them.
	 */
	private static int statusClass(int status) {
		if (status >= 500) {
			return 2;
		}
		return (status >= 400) ? 1 : 0;
	}

	/**
	 * The counts of one route and variant.
	 */
	private static final class Counters {

		private final LongAdder[] statuses = adders(3);

		private final LongAdder[] latency = adders(LatencyHistogram.bucketCount());

		private static LongAdder[] adders(int count) {
			LongAdder[] adders = new LongAdder[count];
			for (int i = 0; i < count; i++) {
				adders[i] = new LongAdder();
			}
			return adders;
		}

		@Nullable RouteStats drain(String routeId, Variant variant) {
			long status2xx = this.statuses[0].sumThenReset();
			long status4xx = this.statuses[1].sumThenReset();
			long status5xx = this.statuses[2].sumThenReset();
			List<Long> latency = new ArrayList<>(this.latency.length);
			long latencies = 0;
			for (LongAdder bucket : this.latency) {
				long count = bucket.sumThenReset();
				latency.add(count);
				latencies += count;
			}
			if (status2xx + status4xx + status5xx == 0 && latencies == 0) {
				return null;
			}
			return new RouteStats(routeId, variant, status2xx, status4xx, status5xx, LatencyHistogram.of(latency));
		}

	}

}
