package dev.frontline.admin.release;

import java.net.URI;
import java.util.List;

import dev.frontline.admin.security.Author;
import dev.frontline.admin.web.ApiHeaders;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The releases REST API. Every change answers with the config version it published in the
 * {@value ApiHeaders#CONFIG_VERSION} header; a start whose canary composition could not
 * be checked says why in {@value ApiHeaders#WARNING} headers.
 */
@RestController
@RequestMapping("/api/v1/releases")
class ReleaseController {

	/** How many evaluations a release's details show, newest first. */
	static final int DETAIL_EVALUATIONS = 50;

	private static final int MAX_LIST = 1000;

	private final Releases releases;

	private final ReleaseEvaluations evaluations;

	private final ReleaseTransitions transitions;

	ReleaseController(Releases releases, ReleaseEvaluations evaluations, ReleaseTransitions transitions) {
		this.releases = releases;
		this.evaluations = evaluations;
		this.transitions = transitions;
	}

	@PostMapping
	ResponseEntity<ReleaseDetails> start(@RequestBody NewRelease request, Author author) {
		ReleaseTransitions.Started started = this.transitions.start(request, author);
		Release release = started.release();
		return ResponseEntity.created(URI.create("/api/v1/releases/" + release.id()))
			.header(ApiHeaders.CONFIG_VERSION, String.valueOf(started.snapshot().version()))
			.header(ApiHeaders.WARNING, started.warnings().toArray(String[]::new))
			.body(new ReleaseDetails(release, List.of()));
	}

	/**
	 * The latest releases, newest first, of one route and in one state if given.
	 */
	@GetMapping
	List<Release> list(@RequestParam(required = false) @Nullable String routeId,
			@RequestParam(required = false) @Nullable String state, @RequestParam(defaultValue = "100") int limit) {
		ReleaseState wanted = null;
		if (state != null && !state.isBlank()) {
			wanted = ReleaseState.of(state.strip())
				.orElseThrow(() -> new InvalidReleaseFilter("state", "must be one of " + ReleaseState.labels()));
		}
		String route = (routeId != null && !routeId.isBlank()) ? routeId.strip() : null;
		return this.releases.list(route, wanted, Math.max(1, Math.min(limit, MAX_LIST)));
	}

	@GetMapping("/{id}")
	ReleaseDetails get(@PathVariable long id) {
		Release release = this.releases.find(id).orElseThrow(() -> new ReleaseNotFound(id));
		return new ReleaseDetails(release, this.evaluations.latest(id, DETAIL_EVALUATIONS));
	}

	/**
	 * The latest evaluations of a release, newest first.
	 */
	@GetMapping("/{id}/evaluations")
	List<Evaluation> evaluations(@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
		this.releases.find(id).orElseThrow(() -> new ReleaseNotFound(id));
		return this.evaluations.latest(id, Math.max(1, Math.min(limit, MAX_LIST)));
	}

	@PostMapping("/{id}/pause")
	ResponseEntity<Release> pause(@PathVariable long id, Author author) {
		return changed(this.transitions.pause(id, author));
	}

	@PostMapping("/{id}/resume")
	ResponseEntity<Release> resume(@PathVariable long id, Author author) {
		return changed(this.transitions.resume(id, author));
	}

	@PostMapping("/{id}/promote")
	ResponseEntity<Release> promote(@PathVariable long id, Author author) {
		return changed(this.transitions.promote(id, author));
	}

	@PostMapping("/{id}/abort")
	ResponseEntity<Release> abort(@PathVariable long id, Author author) {
		return changed(this.transitions.abort(id, author));
	}

	/**
	 * Sets the canary's weight of a running manual release.
	 */
	@PutMapping("/{id}/weight")
	ResponseEntity<Release> weight(@PathVariable long id, @Valid @RequestBody NewWeight request, Author author) {
		return changed(this.transitions.weigh(id, request.weight(), author));
	}

	private static ResponseEntity<Release> changed(ReleaseTransitions.Changed changed) {
		return ResponseEntity.ok()
			.header(ApiHeaders.CONFIG_VERSION, String.valueOf(changed.configVersion()))
			.body(changed.release());
	}

}
