package dev.frontline.gateway.canary;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.frontline.contract.LatencyHistogram;
import dev.frontline.contract.RouteStats;
import dev.frontline.contract.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteStatsRecorderTests {

	private final RouteStatsRecorder recorder = new RouteStatsRecorder();

	@Test
	void countsAnswersByStatusClassAndLatencyBucket() {
		this.recorder.record("home", Variant.CANARY, 200, 3);
		this.recorder.record("home", Variant.CANARY, 304, 3);
		this.recorder.record("home", Variant.CANARY, 101, 40);
		this.recorder.record("home", Variant.CANARY, 401, 0);
		this.recorder.record("home", Variant.CANARY, 429, 0);
		this.recorder.record("home", Variant.CANARY, 502, 1200);
		this.recorder.record("home", Variant.CANARY, 504, 60_000);
		LatencyHistogram latency = LatencyHistogram.empty()
			.plus(3)
			.plus(3)
			.plus(40)
			.plus(0)
			.plus(0)
			.plus(1200)
			.plus(60_000);
		assertThat(this.recorder.drain()).containsExactly(new RouteStats("home", Variant.CANARY, 3, 2, 2, latency));
	}

	@Test
	void keepsRoutesAndVariantsApart() {
		this.recorder.record("home", Variant.STABLE, 200, 10);
		this.recorder.record("home", Variant.CANARY, 500, 20);
		this.recorder.record("cart", Variant.STABLE, 404, 30);
		assertThat(this.recorder.drain()).containsExactlyInAnyOrder(
				new RouteStats("home", Variant.STABLE, 1, 0, 0, LatencyHistogram.empty().plus(10)),
				new RouteStats("home", Variant.CANARY, 0, 0, 1, LatencyHistogram.empty().plus(20)),
				new RouteStats("cart", Variant.STABLE, 0, 1, 0, LatencyHistogram.empty().plus(30)));
	}

	@Test
	void drainsOnlyWhatWasCountedSinceThePreviousDrain() {
		this.recorder.record("home", Variant.STABLE, 200, 10);
		assertThat(this.recorder.drain()).hasSize(1);
		assertThat(this.recorder.drain()).isEmpty();
		this.recorder.record("home", Variant.CANARY, 200, 10);
		assertThat(this.recorder.drain()).singleElement()
			.isEqualTo(new RouteStats("home", Variant.CANARY, 1, 0, 0, LatencyHistogram.empty().plus(10)));
	}

	@Test
	void countsWhatIsRestoredAgainAlongWithWhatCameSince() {
		this.recorder.record("home", Variant.STABLE, 200, 10);
		this.recorder.record("home", Variant.STABLE, 503, 5000);
		List<RouteStats> undelivered = this.recorder.drain();
		this.recorder.record("home", Variant.STABLE, 200, 1);
		this.recorder.restore(undelivered);
		assertThat(this.recorder.drain()).singleElement()
			.isEqualTo(new RouteStats("home", Variant.STABLE, 2, 0, 1,
					LatencyHistogram.empty().plus(10).plus(5000).plus(1)));
		this.recorder.restore(List.of(new RouteStats("gone", Variant.CANARY, 0, 4, 0,
				LatencyHistogram.empty().plus(2).plus(2).plus(2).plus(2))));
		assertThat(this.recorder.drain()).singleElement()
			.satisfies((stats) -> assertThat(stats.route()).isEqualTo("gone"))
			.satisfies((stats) -> assertThat(stats.status4xx()).isEqualTo(4));
	}

	@Test
	void losesNoCountWhileDrainingConcurrently() throws Exception {
		int threads = 4;
		int perThread = 50_000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		AtomicBoolean recording = new AtomicBoolean(true);
		List<Future<?>> recorders = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Variant variant = (t % 2 == 0) ? Variant.STABLE : Variant.CANARY;
			recorders.add(executor.submit(() -> {
				start.await();
				for (int i = 0; i < perThread; i++) {
					this.recorder.record("home", variant, (i % 10 == 0) ? 502 : 200, i % 100);
				}
				return null;
			}));
		}
		List<RouteStats> drained = new ArrayList<>();
		start.countDown();
		Future<?> drainer = executor.submit(() -> {
			while (recording.get()) {
				drained.addAll(this.recorder.drain());
			}
		});
		for (Future<?> future : recorders) {
			future.get(30, TimeUnit.SECONDS);
		}
		recording.set(false);
		drainer.get(30, TimeUnit.SECONDS);
		executor.shutdown();
		drained.addAll(this.recorder.drain());
		long requests = drained.stream().mapToLong(RouteStats::requests).sum();
		long latencies = drained.stream().mapToLong((stats) -> stats.latency().total()).sum();
		long errors = drained.stream().mapToLong(RouteStats::status5xx).sum();
		assertThat(requests).isEqualTo((long) threads * perThread);
		assertThat(latencies).isEqualTo((long) threads * perThread);
		assertThat(errors).isEqualTo((long) threads * perThread / 10);
	}

}
