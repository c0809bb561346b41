package dev.frontline.gateway.config;

import java.time.Instant;
import java.util.List;

import dev.frontline.contract.RouteStats;
import org.jspecify.annotations.Nullable;

/**
 * The heartbeat a gateway sends to the control plane.
 *
 * @param appliedVersion the version of the snapshot it holds; 0 if none
 * @param appliedHash the hash of the snapshot it holds; {@code null} if none
 * @param error why the last snapshot offered could not be applied; {@code null} if it
 * applied
 * @param startedAt when the gateway started
 * @param controlPlaneConnected whether its watch of the control plane is open
 * @param stats what each route and variant served since the last heartbeat that got
 * through (deltas), one entry per route and variant that served any request; empty if
 * none did
 */
record GatewayStatus(long appliedVersion, @Nullable String appliedHash, @Nullable String error, Instant startedAt,
		boolean controlPlaneConnected, List<RouteStats> stats) {

	GatewayStatus {
		stats = List.copyOf(stats);
	}

}
