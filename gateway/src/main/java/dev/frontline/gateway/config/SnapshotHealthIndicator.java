package dev.frontline.gateway.config;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Up once the gateway holds a config snapshot, from its saved file or the control plane.
 * Part of the readiness group: a gateway without routes should get no traffic.
 */
final class SnapshotHealthIndicator implements HealthIndicator {

	private final SnapshotApplier applier;

	SnapshotHealthIndicator(SnapshotApplier applier) {
		this.applier = applier;
	}

	@Override
	public Health health() {
		SnapshotApplier.Applied applied = this.applier.applied();
		if (!applied.holdsSnapshot()) {
			return Health.down().withDetail("reason", "no config snapshot yet").build();
		}
		Health.Builder health = Health.up().withDetail("version", applied.version()).withDetail("hash", applied.hash());
		if (applied.error() != null) {
			health.withDetail("lastError", applied.error());
		}
		return health.build();
	}

}
