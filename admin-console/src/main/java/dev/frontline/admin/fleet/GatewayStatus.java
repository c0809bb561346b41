package dev.frontline.admin.fleet;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The last heartbeat of one gateway, and when it came.
 *
 * @param id the gateway's id
 * @param startedAt when the gateway started; {@code null} if unknown
 * @param lastSeen when its last heartbeat arrived
 * @param appliedVersion the version it serves; 0 if none
 * @param appliedHash the hash of that snapshot; {@code null} if none
 * @param error its last apply error; {@code null} if none
 * @param controlPlaneConnected whether its watch was open
 */
record GatewayStatus(String id, @Nullable Instant startedAt, Instant lastSeen, long appliedVersion,
		@Nullable String appliedHash, @Nullable String error, boolean controlPlaneConnected) {

}
