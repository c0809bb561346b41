package dev.frontline.admin.fleet;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One gateway as the fleet listing shows it.
 *
 * @param id the gateway's id
 * @param startedAt when the gateway started; {@code null} if unknown
 * @param lastSeen when its last heartbeat arrived
 * @param appliedVersion the version it serves; 0 if none
 * @param appliedHash the hash of that snapshot; {@code null} if none
 * @param error its last apply error; {@code null} if none
 * @param controlPlaneConnected whether its watch was open
 * @param inSync whether it serves the current version
 * @param status {@code up}, or {@code stale} when it has not reported for a while
 */
record FleetMember(String id, @Nullable Instant startedAt, Instant lastSeen, long appliedVersion,
		@Nullable String appliedHash, @Nullable String error, boolean controlPlaneConnected, boolean inSync,
		String status) {

	static FleetMember of(GatewayStatus status, long currentVersion, boolean stale) {
		return new FleetMember(status.id(), status.startedAt(), status.lastSeen(), status.appliedVersion(),
				status.appliedHash(), status.error(), status.controlPlaneConnected(),
				status.appliedVersion() == currentVersion, stale ? "stale" : "up");
	}

}
