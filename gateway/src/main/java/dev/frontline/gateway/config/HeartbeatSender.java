package dev.frontline.gateway.config;

import java.time.Duration;
import java.util.List;

import dev.frontline.contract.RouteStats;
import dev.frontline.gateway.canary.RouteStatsRecorder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Reports the gateway's status to the control plane at a fixed interval, with what each
 * route and variant served since the previous report. A report that fails is dropped: the
 * next one carries the same facts, and its counts along with those counted since. A
 * report that timed out may have arrived all the same; its counts are then reported twice
 * rather than lost.
 */
final class HeartbeatSender {

	private static final Log logger = LogFactory.getLog(HeartbeatSender.class);

	private static final Duration MIN_REPORT_TIMEOUT = Duration.ofSeconds(1);

	private final ControlPlaneClient client;

	private final SnapshotApplier applier;

	private final ConfigWatcher watcher;

	private final GatewayIdentity identity;

	private final RouteStatsRecorder stats;

	private final Duration interval;

	private volatile @Nullable Disposable subscription;

	HeartbeatSender(ControlPlaneClient client, SnapshotApplier applier, ConfigWatcher watcher, GatewayIdentity identity,
			RouteStatsRecorder stats, Duration interval) {
		this.client = client;
		this.applier = applier;
		this.watcher = watcher;
		this.identity = identity;
		this.stats = stats;
		this.interval = interval;
	}

	void start() {
		Duration timeout = (this.interval.compareTo(MIN_REPORT_TIMEOUT) < 0) ? MIN_REPORT_TIMEOUT : this.interval;
		this.subscription = Flux.interval(Duration.ZERO, this.interval)
			// A slow control plane gets one report at a time, not a queue of stale ones.
			.onBackpressureDrop()
			.concatMap((tick) -> report().timeout(timeout).onErrorResume(this::failed), 1)
			.subscribe();
	}

	void stop() {
		Disposable current = this.subscription;
		if (current != null) {
			current.dispose();
		}
	}

	/**
	 * The status this gateway reports now, with the given stats.
	 */
	GatewayStatus status(List<RouteStats> stats) {
		SnapshotApplier.Applied applied = this.applier.applied();
		return new GatewayStatus(applied.version(), applied.hash(), applied.error(), this.identity.startedAt(),
				this.watcher.connected(), stats);
	}

	private Mono<Void> report() {
		return Mono.defer(() -> {
			List<RouteStats> stats = this.stats.drain();
			return this.client.reportStatus(this.identity.id(), status(stats)).doFinally((signal) -> {
				// Not known to have arrived: it failed, timed out or was cut short by
				// stop().
				if (signal != SignalType.ON_COMPLETE) {
					this.stats.restore(stats);
				}
			});
		});
	}

	private Mono<Void> failed(Throwable ex) {
		if (logger.isDebugEnabled()) {
			logger.debug("Status report to the control plane failed: " + ex);
		}
		return Mono.empty();
	}

}
