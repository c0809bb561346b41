package dev.frontline.admin.fleet;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.frontline.admin.snapshot.ConfigVersions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Heartbeats from gateways, and the fleet they make up.
 */
@RestController
class FleetController {

	/** Longest apply error kept; gateways may report long stack-like messages. */
	private static final int MAX_ERROR_LENGTH = 4000;

	private final GatewayStatuses statuses;

	private final ConfigVersions versions;

	private final FleetProperties properties;

	private final Clock clock = Clock.systemUTC();

	FleetController(GatewayStatuses statuses, ConfigVersions versions, FleetProperties properties) {
		this.statuses = statuses;
		this.versions = versions;
		this.properties = properties;
	}

	@PostMapping("/api/v1/gateways/{id}/status")
	ResponseEntity<Void> heartbeat(
			@PathVariable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}",
					message = "must be 1 to 100 letters, digits, dots, dashes, underscores or colons") String id,
			@Valid @RequestBody Heartbeat heartbeat) {
		this.statuses.save(new GatewayStatus(id, heartbeat.startedAt(), this.clock.instant(),
				heartbeat.appliedVersion(), heartbeat.appliedHash(), truncated(heartbeat.error()),
				Boolean.TRUE.equals(heartbeat.controlPlaneConnected())));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/gateways")
	List<FleetMember> fleet() {
		long current = this.versions.headVersion();
		Instant staleBefore = this.clock.instant().minus(this.properties.staleAfter());
		return this.statuses.findAll()
			.stream()
			.map((status) -> FleetMember.of(status, current, status.lastSeen().isBefore(staleBefore)))
			.toList();
	}

	private static @Nullable String truncated(@Nullable String error) {
		return (error != null && error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error;
	}

}
