package dev.frontline.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class RouteStatsTests {

	@Test
	void countsLatenciesIntoSharedBuckets() {
		assertThat(LatencyHistogram.bucketOf(0)).isZero();
		assertThat(LatencyHistogram.bucketOf(1)).isZero();
		assertThat(LatencyHistogram.bucketOf(2)).isEqualTo(1);
		assertThat(LatencyHistogram.bucketOf(100)).isEqualTo(LatencyHistogram.boundsMillis().indexOf(100L));
		assertThat(LatencyHistogram.bucketOf(60_000)).isEqualTo(LatencyHistogram.bucketCount() - 1);
	}

	@Test
	void estimatesPercentilesWithinABucketWidth() {
		LatencyHistogram histogram = LatencyHistogram.empty();
		for (int millis = 1; millis <= 100; millis++) {
			histogram = histogram.plus(millis);
		}
		assertThat(histogram.total()).isEqualTo(100);
		// The true p99 is 99 ms; it lies in the bucket (75, 100].
		assertThat(histogram.percentileMillis(0.99)).isBetween(75.0, 100.0);
		assertThat(histogram.percentileMillis(0.5)).isBetween(40.0, 50.0);
		assertThat(LatencyHistogram.empty().percentileMillis(0.99)).isZero();
	}

	@Test
	void reportsLatenciesPastTheLastBoundAsTheLastBound() {
		LatencyHistogram histogram = LatencyHistogram.empty().plus(120_000);
		assertThat(histogram.percentileMillis(0.99)).isEqualTo(30_000.0);
	}

	@Test
	void mergesReportsOfManyGatewaysByAddingCounts() {
		RouteStats first = new RouteStats("home", Variant.CANARY, 90, 5, 5, LatencyHistogram.empty().plus(10));
		RouteStats second = new RouteStats("home", Variant.CANARY, 10, 0, 15, LatencyHistogram.empty().plus(500));
		RouteStats merged = first.plus(second);
		assertThat(merged.requests()).isEqualTo(125);
		assertThat(merged.errorRate()).isCloseTo(20.0 / 125, within(1e-9));
		assertThat(merged.latency().total()).isEqualTo(2);
		assertThat(RouteStats.empty("home", Variant.STABLE).errorRate()).isZero();
	}

	@Test
	void refusesToMergeStatsOfAnotherVariant() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RouteStats.empty("home", Variant.CANARY).plus(RouteStats.empty("home", Variant.STABLE)));
	}

	@Test
	void roundTripsThroughJson() {
		RouteStats stats = new RouteStats("home", Variant.CANARY, 3, 1, 2, LatencyHistogram.empty().plus(7).plus(7));
		String json = ConfigJson.mapper().writeValueAsString(stats);
		assertThat(json).contains("\"variant\":\"canary\"").contains("\"latency\":[0,0,0,2,");
		assertThat(ConfigJson.mapper().readValue(json, RouteStats.class)).isEqualTo(stats);
	}

	@Test
	void refusesAHistogramWithTheWrongNumberOfBuckets() {
		assertThatIllegalArgumentException().isThrownBy(() -> LatencyHistogram.of(List.of(1L, 2L)));
		List<Long> negative = new ArrayList<>(Collections.nCopies(LatencyHistogram.bucketCount(), 0L));
		negative.set(0, -1L);
		assertThatIllegalArgumentException().isThrownBy(() -> LatencyHistogram.of(negative));
	}

}
