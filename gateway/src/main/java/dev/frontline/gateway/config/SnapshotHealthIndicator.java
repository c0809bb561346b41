package dev.frontline.gateway.config;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Up once the gateway holds a config snapshot, from its saved file or the control plane.
 * Part of the readiness group: a gateway without routes should get no traffic. A gateway
 * cut off from the control plane stays up, since it serves the snapshot it holds; the
 * details say so ({@code controlPlane}), along with the version and hash held and why the
 * last snapshot offered was rejected ({@code lastError}).
 */
final class SnapshotHealthIndicator implements HealthIndicator {

	private final SnapshotApplier applier;

	private final ConfigWatcher watcher;

	SnapshotHealthIndicator(SnapshotApplier applier, ConfigWatcher watcher) {
		this.applier = applier;
		this.watcher = watcher;
	}

	@Override
	public Health health() {
		SnapshotApplier.Applied applied = this.applier.applied();
		String controlPlane = this.watcher.connected() ? "connected" : "disconnected";
		if (!applied.holdsSnapshot()) {
			return Health.down()
				.withDetail("reason", "no config snapshot yet")
				.withDetail("controlPlane", controlPlane)
				.build();
		}
		Health.Builder health = Health.up()
			.withDetail("version", applied.version())
			.withDetail("hash", applied.hash())
			.withDetail("controlPlane", controlPlane);
		if (applied.error() != null) {
			health.withDetail("lastError", applied.error());
		}
		return health.build();
	}

}
