package dev.frontline.admin.deadletter;

import java.util.List;

import dev.frontline.admin.runtime.RuntimeUnreachable;
import dev.frontline.admin.security.Author;
import dev.frontline.admin.web.ApiHeaders;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dead letters REST API, over the operator endpoints of the configured function
 * runtimes. The list merges every runtime and says in {@value ApiHeaders#WARNING} headers
 * which ones it left out because they could not be used; when none could, and for the
 * calls on one runtime, such a runtime is answered with 502
 * ({@code runtime-unreachable}).
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLetterController {

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	/**
	 * The dead letters of every runtime, newest first.
	 */
	@GetMapping
	ResponseEntity<List<DeadLetter>> list(@RequestParam(defaultValue = "50") int limit) {
		DeadLetters.Listing listing = this.deadLetters.list(limit);
		List<RuntimeUnreachable> unreachable = listing.unreachable();
		if (!unreachable.isEmpty() && unreachable.size() == this.deadLetters.runtimes().size()) {
			throw unreachable.get(0);
		}
		return ResponseEntity.ok()
			.header(ApiHeaders.WARNING, listing.warnings().toArray(String[]::new))
			.body(listing.deadLetters());
	}

	/**
	 * One dead letter with its input.
	 */
	@GetMapping("/{id}")
	DeadLetter get(@PathVariable String id, @RequestParam(required = false) @Nullable String runtime) {
		return this.deadLetters.find(runtime, id);
	}

	/**
	 * Queues one dead letter again.
	 */
	@PostMapping("/{id}/redrive")
	DeadLetter redrive(@PathVariable String id, @RequestParam(required = false) @Nullable String runtime,
			Author author) {
		return this.deadLetters.redrive(runtime, id, author);
	}

	/**
	 * Queues every dead letter again, on one runtime or on all.
	 */
	@PostMapping("/redrive")
	ResponseEntity<Redriven> redriveAll(@RequestParam(required = false) @Nullable String runtime, Author author) {
		Redriven redriven = this.deadLetters.redriveAll(runtime, author);
		return ResponseEntity.ok()
			.header(ApiHeaders.WARNING,
					redriven.runtimes()
						.stream()
						.filter((one) -> one.error() != null)
						.map((one) -> "function runtime " + one.runtime() + " unreachable; its dead letters were not"
								+ " redriven")
						.toArray(String[]::new))
			.body(redriven);
	}

}
