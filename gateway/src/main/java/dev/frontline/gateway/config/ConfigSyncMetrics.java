package dev.frontline.gateway.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The state of the config sync as gauges: {@value #VERSION}, the version of the snapshot
 * the gateway serves (0 before it holds one), and {@value #CONNECTED}, 1 while the watch
 * of the control plane is open and 0 otherwise. Compared across the fleet, they show
 * drift and gateways cut off from the control plane. And the snapshots it rejected, in
 * {@value #REJECTIONS} by {@code reason} ({@link SnapshotApplier.Rejection}): each one
 * deserves an alert, since the gateway then serves another config than the control plane
 * published.
 */
final class ConfigSyncMetrics implements MeterBinder {

	static final String VERSION = "frontline.gateway.config.version";

	static final String CONNECTED = "frontline.gateway.control.plane.connected";

	static final String REJECTIONS = "frontline.gateway.config.rejections";

	private final SnapshotApplier applier;

	private final ConfigWatcher watcher;

	ConfigSyncMetrics(SnapshotApplier applier, ConfigWatcher watcher) {
		this.applier = applier;
		this.watcher = watcher;
	}

	@Override
	public void bindTo(MeterRegistry meters) {
		Gauge.builder(VERSION, this.applier, (applier) -> applier.applied().version())
			.description("The version of the config snapshot the gateway serves; 0 before it holds one")
			.strongReference(true)
			.register(meters);
		Gauge.builder(CONNECTED, this.watcher, (watcher) -> watcher.connected() ? 1 : 0)
			.description("Whether the gateway's watch of the control plane is open: 1 if it is, 0 if not")
			.strongReference(true)
			.register(meters);
		for (SnapshotApplier.Rejection reason : SnapshotApplier.Rejection.values()) {
			FunctionCounter.builder(REJECTIONS, this.applier, (applier) -> applier.rejections(reason))
				.description("Config snapshots the gateway rejected and did not apply, by reason")
				.tag("reason", reason.tag())
				.register(meters);
		}
	}

}
