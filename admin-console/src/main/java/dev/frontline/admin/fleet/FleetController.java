package dev.frontline.admin.fleet;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Heartbeats from gateways, and the fleet they make up.
 */
@RestController
class FleetController {

	private final Fleet fleet;

	private final Heartbeats heartbeats;

	private final Clock clock = Clock.systemUTC();

	FleetController(Fleet fleet, Heartbeats heartbeats) {
		this.fleet = fleet;
		this.heartbeats = heartbeats;
	}

	/**
	 * Keeps a gateway's heartbeat, and the stats it carries, received now. PUT is taken
	 * like POST.
	 */
	@RequestMapping(path = "/api/v1/gateways/{id}/status", method = { RequestMethod.POST, RequestMethod.PUT })
	ResponseEntity<Void> heartbeat(
			@PathVariable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}",
					message = "must be 1 to 100 letters, digits, dots, dashes, underscores or colons") String id,
			@Valid @RequestBody Heartbeat heartbeat) {
		this.heartbeats.record(id, heartbeat, this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/gateways")
	List<FleetMember> fleet() {
		return this.fleet.members();
	}

}
