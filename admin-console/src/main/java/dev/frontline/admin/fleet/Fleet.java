package dev.frontline.admin.fleet;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.frontline.admin.snapshot.ConfigVersions;

import org.springframework.stereotype.Component;

/**
 * The gateways that reported, each with whether it serves the current version and whether
 * it still reports.
 */
@Component
class Fleet {

	private final GatewayStatuses statuses;

	private final ConfigVersions versions;

	private final FleetProperties properties;

	private final Clock clock = Clock.systemUTC();

	Fleet(GatewayStatuses statuses, ConfigVersions versions, FleetProperties properties) {
		this.statuses = statuses;
		this.versions = versions;
		this.properties = properties;
	}

	/**
	 * Every gateway that ever reported, by id.
	 */
	List<FleetMember> members() {
		long current = this.versions.headVersion();
		Instant staleBefore = this.clock.instant().minus(this.properties.staleAfter());
		return this.statuses.findAll()
			.stream()
			.map((status) -> FleetMember.of(status, current, status.lastSeen().isBefore(staleBefore)))
			.toList();
	}

}
