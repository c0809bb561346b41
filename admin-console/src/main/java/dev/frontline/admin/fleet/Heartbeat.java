package dev.frontline.admin.fleet;

import java.time.Instant;
import java.util.List;

import dev.frontline.contract.RouteStats;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a gateway reports every few seconds.
 *
 * @param appliedVersion the version of the snapshot it serves; 0 if it holds none
 * @param appliedHash the hash of that snapshot; {@code null} if it holds none
 * @param error the last error applying a snapshot; {@code null} if the last snapshot
 * applied cleanly
 * @param startedAt when the gateway started; {@code null} if unknown
 * @param controlPlaneConnected whether its watch on the console is open; {@code null}
 * (unknown) is shown as false
 * @param stats what it served per route and variant since its previous heartbeat, at most
 * {@value #MAX_STATS} entries; {@code null} or absent for nothing
 */
record Heartbeat(@NotNull @PositiveOrZero Long appliedVersion, @Nullable @Size(max = 100) String appliedHash,
		@Nullable String error, @Nullable Instant startedAt, @Nullable Boolean controlPlaneConnected,
		@Nullable @Size(max = MAX_STATS) List<@NotNull @Valid RouteStats> stats) {

	/** The most stats entries one heartbeat may carry: two variants of many routes. */
	static final int MAX_STATS = 2000;

	/**
	 * The stats entries, none if absent.
	 */
	List<RouteStats> statsOrNone() {
		return (this.stats != null) ? this.stats : List.of();
	}

}
