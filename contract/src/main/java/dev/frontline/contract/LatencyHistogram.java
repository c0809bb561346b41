package dev.frontline.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Request latencies counted into fixed buckets that every gateway and the control plane
 * share, so histograms from many gateways merge by adding counts.
 * <p>
 * Bucket {@code i} counts latencies above the previous bound and at most
 * {@link #BOUNDS_MS}{@code [i]} milliseconds; the last bucket counts everything above the
 * largest bound. A percentile is estimated by linear interpolation inside the bucket that
 * holds it, so its error is at most that bucket's width.
 */
public final class LatencyHistogram {

	/** Upper bounds of the buckets in milliseconds. */
	static final long[] BOUNDS_MS = { 1, 2, 5, 10, 15, 20, 30, 40, 50, 75, 100, 150, 200, 300, 400, 500, 750, 1000,
			1500, 2000, 3000, 5000, 10000, 30000 };

	private static final LatencyHistogram EMPTY = new LatencyHistogram(new long[BOUNDS_MS.length + 1]);

	private final long[] counts;

	private LatencyHistogram(long[] counts) {
		this.counts = counts;
	}

	/**
	 * The histogram with no observations.
	 */
	public static LatencyHistogram empty() {
		return EMPTY;
	}

	/**
	 * A histogram read from its bucket counts, as {@link #counts()} writes them.
	 * @throws IllegalArgumentException if the number of counts does not match the buckets
	 * or a count is negative
	 */
	@JsonCreator
	public static LatencyHistogram of(List<Long> counts) {
		if (counts.size() != BOUNDS_MS.length + 1) {
			throw new IllegalArgumentException(
					"must have " + (BOUNDS_MS.length + 1) + " bucket counts, not " + counts.size());
		}
		long[] values = new long[counts.size()];
		for (int i = 0; i < values.length; i++) {
			Long count = counts.get(i);
			if (count == null || count < 0) {
				throw new IllegalArgumentException("bucket counts must be zero or more");
			}
			values[i] = count;
		}
		return new LatencyHistogram(values);
	}

	/**
	 * The index of the bucket that counts a latency.
	 */
	public static int bucketOf(long millis) {
		for (int i = 0; i < BOUNDS_MS.length; i++) {
			if (millis <= BOUNDS_MS[i]) {
				return i;
			}
		}
		return BOUNDS_MS.length;
	}

	/**
	 * The number of buckets, the overflow bucket included.
	 */
	public static int bucketCount() {
		return BOUNDS_MS.length + 1;
	}

	/**
	 * The upper bounds of the buckets in milliseconds, the overflow bucket excluded.
	 */
	public static List<Long> boundsMillis() {
		List<Long> bounds = new ArrayList<>(BOUNDS_MS.length);
		for (long bound : BOUNDS_MS) {
			bounds.add(bound);
		}
		return Collections.unmodifiableList(bounds);
	}

	/**
	 * The count of each bucket, in bucket order.
	 */
	@JsonValue
	public List<Long> counts() {
		List<Long> values = new ArrayList<>(this.counts.length);
		for (long count : this.counts) {
			values.add(count);
		}
		return Collections.unmodifiableList(values);
	}

	/**
	 * The number of latencies counted.
	 */
	public long total() {
		long total = 0;
		for (long count : this.counts) {
			total += count;
		}
		return total;
	}

	/**
	 * This histogram with another's counts added.
	 */
	public LatencyHistogram plus(LatencyHistogram other) {
		long[] sum = new long[this.counts.length];
		for (int i = 0; i < sum.length; i++) {
			sum[i] = this.counts[i] + other.counts[i];
		}
		return new LatencyHistogram(sum);
	}

	/**
	 * This histogram with one latency added.
	 */
	public LatencyHistogram plus(long millis) {
		long[] sum = this.counts.clone();
		sum[bucketOf(millis)]++;
		return new LatencyHistogram(sum);
	}

	/**
	 * The estimated latency below which the given share of requests fall, in
	 * milliseconds; 0 for an empty histogram. Latencies in the overflow bucket are
	 * reported as the largest bound.
	 * @param quantile between 0 and 1, such as 0.99
	 */
	public double percentileMillis(double quantile) {
		if (quantile < 0 || quantile > 1) {
			throw new IllegalArgumentException("quantile must be between 0 and 1");
		}
		long total = total();
		if (total == 0) {
			return 0;
		}
		double rank = quantile * total;
		long seen = 0;
		for (int i = 0; i < this.counts.length; i++) {
			long count = this.counts[i];
			if (count > 0 && seen + count >= rank) {
				if (i == BOUNDS_MS.length) {
					return BOUNDS_MS[BOUNDS_MS.length - 1];
				}
				double lower = (i == 0) ? 0 : BOUNDS_MS[i - 1];
				double upper = BOUNDS_MS[i];
				return lower + (upper - lower) * ((rank - seen) / count);
			}
			seen += count;
		}
		return BOUNDS_MS[BOUNDS_MS.length - 1];
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof LatencyHistogram histogram) && java.util.Arrays.equals(this.counts, histogram.counts);
	}

	@Override
	public int hashCode() {
		return java.util.Arrays.hashCode(this.counts);
	}

	@Override
	public String toString() {
		return "LatencyHistogram" + java.util.Arrays.toString(this.counts);
	}

}
