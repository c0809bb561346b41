package dev.frontline.gateway.config;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reports the gateway's status to the control plane at a fixed interval. A report that
 * fails is dropped: the next one carries the same facts.
 */
final class HeartbeatSender {

	private static final Log logger = LogFactory.getLog(HeartbeatSender.class);

	private static final Duration MIN_REPORT_TIMEOUT = Duration.ofSeconds(1);

	private final ControlPlaneClient client;

	private final SnapshotApplier applier;

	private final ConfigWatcher watcher;

	private final GatewayIdentity identity;

	private final Duration interval;

	private volatile @Nullable Disposable subscription;

	HeartbeatSender(ControlPlaneClient client, SnapshotApplier applier, ConfigWatcher watcher, GatewayIdentity identity,
			Duration interval) {
		this.client = client;
		this.applier = applier;
		this.watcher = watcher;
		this.identity = identity;
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
	 * The status this gateway reports now.
	 */
	GatewayStatus status() {
		SnapshotApplier.Applied applied = this.applier.applied();
		return new GatewayStatus(applied.version(), applied.hash(), applied.error(), this.identity.startedAt(),
				this.watcher.connected());
	}

	private Mono<Void> report() {
		return Mono.defer(() -> this.client.reportStatus(this.identity.id(), status()));
	}

	private Mono<Void> failed(Throwable ex) {
		if (logger.isDebugEnabled()) {
			logger.debug("Status report to the control plane failed: " + ex);
		}
		return Mono.empty();
	}

}
