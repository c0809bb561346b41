package dev.frontline.admin.fleet;

import java.time.Duration;

import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.admin.web.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The overview's fragments of the fleet: the gateways with the version each serves, and
 * the traffic per route over the last five minutes.
 */
@PageController
class FleetPages {

	/** The window of the overview's traffic. */
	static final Duration TRAFFIC_WINDOW = Duration.ofMinutes(5);

	private final Fleet fleet;

	private final TrafficOverviews traffic;

	private final ConfigVersions versions;

	FleetPages(Fleet fleet, TrafficOverviews traffic, ConfigVersions versions) {
		this.fleet = fleet;
		this.traffic = traffic;
		this.versions = versions;
	}

	@GetMapping("/overview/gateways")
	String gateways(Model model) {
		model.addAttribute("gateways", this.fleet.members());
		model.addAttribute("version", this.versions.headVersion());
		return "fleet/gateways";
	}

	@GetMapping("/overview/traffic")
	String traffic(Model model) {
		model.addAttribute("traffic", this.traffic.over(TRAFFIC_WINDOW));
		return "fleet/traffic";
	}

}
