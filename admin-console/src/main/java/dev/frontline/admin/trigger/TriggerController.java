package dev.frontline.admin.trigger;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.frontline.admin.security.Author;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The timer triggers REST API: the triggers, and the history of each one's firings.
 */
@RestController
@RequestMapping("/api/v1/triggers")
class TriggerController {

	private static final int MAX_FIRINGS = 1000;

	private final Triggers triggers;

	private final TriggerFirings firings;

	private final TriggerChecks checks;

	private final Clock clock = Clock.systemUTC();

	TriggerController(Triggers triggers, TriggerFirings firings, TriggerChecks checks) {
		this.triggers = triggers;
		this.firings = firings;
		this.checks = checks;
	}

	@PostMapping
	ResponseEntity<Trigger.View> create(@RequestBody TriggerRequest request, Author author) {
		Trigger created = this.triggers.create(this.checks.check(request, null), author);
		return ResponseEntity.created(URI.create("/api/v1/triggers/" + created.id())).body(created.view(now()));
	}

	@GetMapping
	List<Trigger.View> list() {
		Instant now = now();
		return this.triggers.findAll().stream().map((trigger) -> trigger.view(now)).toList();
	}

	@GetMapping("/{id}")
	Trigger.View get(@PathVariable String id) {
		return find(id).view(now());
	}

	@PutMapping("/{id}")
	Trigger.View replace(@PathVariable String id, @RequestBody TriggerRequest request, Author author) {
		return this.triggers.replace(this.checks.check(request, id), author).view(now());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, Author author) {
		this.triggers.delete(id, author);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The latest firings of a trigger, newest scheduled time first.
	 */
	@GetMapping("/{id}/firings")
	List<Firing> firings(@PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
		find(id);
		return this.firings.latest(id, Math.max(1, Math.min(limit, MAX_FIRINGS)));
	}

	private Trigger find(String id) {
		return this.triggers.find(id).orElseThrow(() -> new TriggerNotFound(id));
	}

	private Instant now() {
		return this.clock.instant();
	}

}
