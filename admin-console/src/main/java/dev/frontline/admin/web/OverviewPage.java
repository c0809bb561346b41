package dev.frontline.admin.web;

import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's start page: the gateway fleet, the active releases and the traffic per
 * route, each a fragment its feature renders and the page refreshes on its own.
 */
@PageController
class OverviewPage {

	@GetMapping("/")
	String overview() {
		return "overview";
	}

}
