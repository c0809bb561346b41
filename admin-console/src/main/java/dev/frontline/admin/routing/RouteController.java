package dev.frontline.admin.routing;

import java.net.URI;
import java.util.List;

import dev.frontline.admin.security.Author;
import dev.frontline.admin.web.ApiHeaders;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteRule;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The route rules REST API. Every response names the config version it reflects or
 * published in the {@value ApiHeaders#CONFIG_VERSION} header. A write whose function
 * composition could not be checked says why in {@value ApiHeaders#WARNING} headers.
 */
@RestController
@RequestMapping("/api/v1/routes")
class RouteController {

	private final RouteRules rules;

	RouteController(RouteRules rules) {
		this.rules = rules;
	}

	@GetMapping
	ResponseEntity<List<RouteRule>> list() {
		ConfigSnapshot current = this.rules.current();
		return ResponseEntity.ok().header(ApiHeaders.CONFIG_VERSION, version(current)).body(current.routes());
	}

	@GetMapping("/{id}")
	ResponseEntity<RouteRule> get(@PathVariable String id) {
		ConfigSnapshot current = this.rules.current();
		RouteRule route = current.route(id).orElseThrow(() -> new RouteNotFound(id));
		return ResponseEntity.ok().header(ApiHeaders.CONFIG_VERSION, version(current)).body(route);
	}

	@PostMapping
	ResponseEntity<RouteRule> create(@RequestBody RouteRule route, Author author) {
		RouteRules.Written written = this.rules.create(route, author);
		return ResponseEntity.created(URI.create("/api/v1/routes/" + route.id()))
			.header(ApiHeaders.CONFIG_VERSION, version(written.snapshot()))
			.header(ApiHeaders.WARNING, written.warnings().toArray(String[]::new))
			.body(written.snapshot().route(route.id()).orElseThrow());
	}

	@PutMapping("/{id}")
	ResponseEntity<RouteRule> replace(@PathVariable String id, @RequestBody RouteRule route, Author author) {
		RouteRules.Written written = this.rules.replace(id, route, author);
		return ResponseEntity.ok()
			.header(ApiHeaders.CONFIG_VERSION, version(written.snapshot()))
			.header(ApiHeaders.WARNING, written.warnings().toArray(String[]::new))
			.body(written.snapshot().route(id).orElseThrow());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, Author author) {
		ConfigSnapshot published = this.rules.delete(id, author);
		return ResponseEntity.noContent().header(ApiHeaders.CONFIG_VERSION, version(published)).build();
	}

	private static String version(ConfigSnapshot snapshot) {
		return String.valueOf(snapshot.version());
	}

}
