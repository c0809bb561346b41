package dev.frontline.gateway.config;

import org.springframework.context.SmartLifecycle;

/**
 * Starts serving the saved snapshot, then watches the control plane and reports status,
 * for as long as the gateway runs.
 */
final class ConfigSync implements SmartLifecycle {

	private final SnapshotApplier applier;

	private final ConfigWatcher watcher;

	private final HeartbeatSender heartbeat;

	private volatile boolean running;

	ConfigSync(SnapshotApplier applier, ConfigWatcher watcher, HeartbeatSender heartbeat) {
		this.applier = applier;
		this.watcher = watcher;
		this.heartbeat = heartbeat;
	}

	@Override
	public void start() {
		// Read synchronously at startup, so that the gateway serves even when the control
		// plane is down.
		this.applier.restoreSaved();
		this.watcher.start();
		this.heartbeat.start();
		this.running = true;
	}

	@Override
	public void stop() {
		this.heartbeat.stop();
		this.watcher.stop();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
